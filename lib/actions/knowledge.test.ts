import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appendEvents } from "@/db/queries/conversations";
import { listKnowledgeEntries } from "@/db/queries/knowledge/entries";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { createEscalation } from "@/lib/services/escalations";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { handleShopperMessage, startConversation } from "@/lib/services/conversations";
import { dismissedGaps } from "@/lib/services/knowledge-gaps";
import { resolutionWindowHours } from "@/lib/services/resolution-window";

// The real actions behind the real gate; only next-auth's session lookup is stood in for.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const {
  deleteEntryAction,
  restoreEntryAction,
  saveAsAnswerAction,
  saveEntryAction,
  saveResolutionWindowAction,
  saveSynonymsAction,
  toggleEntryAction,
  tryItAction,
} = await import("@/lib/actions/knowledge");
const { dismissGapAction, replayEntryAction, restoreGapAction } = await import("@/lib/actions/knowledge-gaps");

let handle: DatabaseHandle;
withGateTestDatabase((opened) => (handle = opened));

const as = async (user: { id: string; email: string; name: string }) => {
  session.current = await sessionFor(handle, user);
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const entry = {
  question: "Do you sell gift cards?",
  variants: "Can I buy a gift card?\ngift vouchers",
  answer: "Yes, from $25 on the Gift cards page.",
  link: "https://shop.example/gift",
  locale: "en",
};
const entriesOf = (accountId: string) => listKnowledgeEntries(handle.db, { accountId, now: new Date() });

describe("knowledge actions", () => {
  it("a lead creates, edits, turns off, deletes and undoes; Try it answers from the entry with its score", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["lead"]);
    await as(members[0]!);
    const created = await saveEntryAction(null, form(entry));
    expect(created).toMatchObject({ ok: true });
    const id = created.ok ? created.data.id : "";
    const [row] = await entriesOf(account.id);
    expect(row).toMatchObject({
      question: entry.question,
      variants: ["Can I buy a gift card?", "gift vouchers"],
      link: entry.link,
      enabled: true,
      status: "published",
      updatedByName: members[0]!.name,
    });

    const tried = await tryItAction(null, form({ text: "can i buy gift vouchers", locale: "en" }));
    expect(tried).toMatchObject({ ok: true, data: { match: { entryId: id, answer: entry.answer } } });
    expect(tried.ok && tried.data.match!.score).toBeGreaterThanOrEqual(tried.ok ? tried.data.threshold : 1);

    expect(await saveEntryAction(null, form({ ...entry, id, answer: "Yes, from $10." }))).toMatchObject({ ok: true });
    expect((await entriesOf(account.id))[0]!.answer).toBe("Yes, from $10.");

    expect(await toggleEntryAction(null, form({ id, enabled: "false" }))).toMatchObject({ ok: true });
    expect(await tryItAction(null, form({ text: "can i buy gift vouchers", locale: "en" }))).toMatchObject({ ok: true, data: { match: null } });

    const deleted = await deleteEntryAction(null, form({ id }));
    expect(deleted.ok).toBe(true);
    expect(await entriesOf(account.id)).toHaveLength(0);
    expect(await restoreEntryAction(null, form({ snapshot: deleted.ok ? deleted.data.snapshot : "" }))).toMatchObject({ ok: true });
    expect(await entriesOf(account.id)).toMatchObject([{ id, answer: "Yes, from $10.", enabled: false }]);
  });

  it("refuses bad input field by field, and a duplicate question in the same language", async () => {
    const { members } = await createAccountWithMembers(handle, ["admin"]);
    await as(members[0]!);
    const bad = await saveEntryAction(null, form({ question: "?", variants: "", answer: "", link: "http://insecure.example", locale: "xx" }));
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
      fieldErrors: { question: ["question_short"], answer: ["answer_required"], link: ["link_invalid"], locale: ["locale_invalid"] },
    });
    expect(await saveEntryAction(null, form(entry))).toMatchObject({ ok: true });
    expect(await saveEntryAction(null, form({ ...entry, question: "  do you SELL gift   cards?" }))).toMatchObject({
      ok: false,
      error: { code: "conflict" },
      fieldErrors: { question: ["question_duplicate"] },
    });
    // The same question in another language is another entry.
    expect(await saveEntryAction(null, form({ ...entry, locale: "pt-BR" }))).toMatchObject({ ok: true });
  });

  it("an agent reads and tries but cannot change; other accounts' entries cannot be touched", async () => {
    const mine = await createAccountWithMembers(handle, ["lead", "agent"]);
    const theirs = await createAccountWithMembers(handle, ["admin"]);
    await as(theirs.members[0]!);
    const created = await saveEntryAction(null, form(entry));
    const theirId = created.ok ? created.data.id : "";

    await as(mine.members[1]!);
    expect(await saveEntryAction(null, form(entry))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await saveSynonymsAction(null, form({ locale: "en", groups: "gift, voucher" }))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await tryItAction(null, form({ text: "Do you sell gift cards?", locale: "en" }))).toMatchObject({ ok: true, data: { match: null } });

    await as(mine.members[0]!);
    expect(await saveEntryAction(null, form({ ...entry, id: theirId, answer: "hijacked" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await toggleEntryAction(null, form({ id: theirId, enabled: "false" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await deleteEntryAction(null, form({ id: theirId }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await entriesOf(theirs.account.id)).toMatchObject([{ id: theirId, answer: entry.answer, enabled: true }]);
    // An Undo snapshot carrying another account's live id restores nothing over it.
    const snapshot = JSON.stringify({
      id: theirId,
      question: "Another question",
      variants: [],
      answer: "x",
      link: null,
      locale: "en",
      enabled: true,
      status: "published",
    });
    expect(await restoreEntryAction(null, form({ snapshot }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await entriesOf(mine.account.id)).toHaveLength(0);
  });

  it("synonyms a lead saves change what the answerer understands", async () => {
    const { members } = await createAccountWithMembers(handle, ["lead"]);
    await as(members[0]!);
    await saveEntryAction(null, form({ ...entry, variants: "" }));
    expect(await tryItAction(null, form({ text: "Do you sell vouchers?", locale: "en" }))).toMatchObject({ ok: true, data: { match: null } });
    expect(await saveSynonymsAction(null, form({ locale: "en", groups: "gift card, voucher, gift certificate" }))).toMatchObject({ ok: true });
    const after = await tryItAction(null, form({ text: "Do you sell vouchers?", locale: "en" }));
    expect(after).toMatchObject({ ok: true, data: { match: { question: entry.question } } });
  });

  it("Save as answer turns the shopper's question and the team's reply into a draft, in the conversation's account only", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const other = await createAccountWithMembers(handle, ["lead"]);
    const { body } = await createEscalation(handle.db, {
      accountId: account.id,
      idempotencyKey: "save-as-answer",
      texts: shopperTexts("en"),
      input: {
        channel: "web_chat",
        consent: true,
        shopper: { email: "sam@example.com" },
        transcript: [{ role: "shopper", text: "Do you repair worn soles?", at: new Date().toISOString() }],
      },
    });
    await as(members[0]!);
    const conversationId = body.conversationId;
    expect(await saveAsAnswerAction(null, form({ conversationId }))).toMatchObject({ ok: false, fieldErrors: { conversationId: ["no_reply"] } });
    await appendEvents(handle.db, { accountId: account.id, id: conversationId }, [
      { type: "message", author: "human", text: "Yes, send them to our workshop: $40 a pair." },
    ]);
    expect(await saveAsAnswerAction(null, form({ conversationId }))).toMatchObject({ ok: true });
    expect(await entriesOf(account.id)).toMatchObject([
      { question: "Do you repair worn soles?", answer: "Yes, send them to our workshop: $40 a pair.", status: "draft", updatedByName: members[0]!.name },
    ]);
    // A draft never answers.
    expect(await tryItAction(null, form({ text: "Do you repair worn soles?", locale: "en" }))).toMatchObject({ ok: true, data: { match: null } });
    // Saving it twice is refused; another account's member cannot use the conversation.
    expect(await saveAsAnswerAction(null, form({ conversationId }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    await as(other.members[0]!);
    expect(await saveAsAnswerAction(null, form({ conversationId }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await entriesOf(other.account.id)).toHaveLength(0);
  });
});

// Who may work the knowledge loop: an agent reads but cannot dismiss, restore, replay, set the
// resolution window or change entries; another account sees none of an account's dismissed gaps,
// entries or unanswered questions and changes none of them.
const canada = { question: "Do you ship to Canada?", variants: "", answer: "Yes, in 7 to 10 days.", link: "", locale: "en" };
const gap = { key: "canada ship", question: "Do you ship to Canada?" };

/** An account with a lead and an agent, whose SMS shoppers asked a question nobody answered. */
async function shop() {
  const { account, members } = await createAccountWithMembers(handle, ["lead", "agent"]);
  for (const text of ["Do you ship to Canada?", "do you ship to canada"]) {
    const c = await startConversation(handle.db, { accountId: account.id, input: { channel: "sms", shopper: { phone: "+15555550100" } }, locale: "en" });
    await handleShopperMessage(handle.db, { accountId: account.id, id: c.id, token: null, keyKind: "secret" }, text);
  }
  return { account, lead: members[0]!, agent: members[1]! };
}
const forbidden = { ok: false, error: { code: "forbidden" } };

describe("knowledge loop: roles and accounts", () => {
  it("an agent cannot dismiss or restore a gap, replay an entry, set the window, or edit, turn off or delete an entry", async () => {
    const { account, lead, agent } = await shop();
    await as(lead);
    const created = await saveEntryAction(null, form(canada));
    const id = created.ok ? created.data.id : "";
    expect(await dismissGapAction(null, form(gap))).toMatchObject({ ok: true });

    await as(agent);
    expect(await dismissGapAction(null, form({ key: "other", question: "Another question?" }))).toMatchObject(forbidden);
    expect(await restoreGapAction(null, form({ key: gap.key }))).toMatchObject(forbidden);
    expect(await replayEntryAction(null, form({ ...canada, days: "30" }))).toMatchObject(forbidden);
    expect(await saveResolutionWindowAction(null, form({ hours: "48" }))).toMatchObject(forbidden);
    expect(await saveEntryAction(null, form({ ...canada, id, answer: "changed" }))).toMatchObject(forbidden);
    expect(await toggleEntryAction(null, form({ id, enabled: "false" }))).toMatchObject(forbidden);
    expect(await deleteEntryAction(null, form({ id }))).toMatchObject(forbidden);

    expect(await dismissedGaps(handle.db, account.id)).toMatchObject([gap]);
    expect(await resolutionWindowHours(handle.db, account.id)).toBe(24);
    expect(await entriesOf(account.id)).toMatchObject([{ id, answer: canada.answer, enabled: true }]);
  });

  it("another account neither sees nor changes an account's dismissed gaps, entries, unanswered questions or window", async () => {
    const mine = await shop();
    await as(mine.lead);
    const created = await saveEntryAction(null, form(canada));
    const id = created.ok ? created.data.id : "";
    expect(await dismissGapAction(null, form(gap))).toMatchObject({ ok: true });
    // The lead's own replay counts the account's two unanswered questions.
    expect(await replayEntryAction(null, form({ ...canada, id, days: "30" }))).toMatchObject({ ok: true, data: { answered: 2, total: 2 } });

    const theirs = await createAccountWithMembers(handle, ["admin"]);
    await as(theirs.members[0]!);
    expect(await dismissedGaps(handle.db, theirs.account.id)).toEqual([]);
    // Restoring the same key restores nothing of the first account's.
    expect(await restoreGapAction(null, form({ key: gap.key }))).toMatchObject({ ok: true });
    expect(await dismissedGaps(handle.db, mine.account.id)).toMatchObject([gap]);
    // Its replay reads only its own (no) unanswered questions, and cannot use the other's entry.
    expect(await replayEntryAction(null, form({ ...canada, days: "30" }))).toMatchObject({ ok: true, data: { answered: 0, total: 0, examples: [] } });
    expect(await replayEntryAction(null, form({ ...canada, id, days: "30" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await saveEntryAction(null, form({ ...canada, id, answer: "hijacked" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await toggleEntryAction(null, form({ id, enabled: "false" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await deleteEntryAction(null, form({ id }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await entriesOf(theirs.account.id)).toEqual([]);
    // Its window is its own.
    expect(await saveResolutionWindowAction(null, form({ hours: "48" }))).toMatchObject({ ok: true });
    expect(await resolutionWindowHours(handle.db, theirs.account.id)).toBe(48);
    expect(await resolutionWindowHours(handle.db, mine.account.id)).toBe(24);

    expect(await entriesOf(mine.account.id)).toMatchObject([{ id, answer: canada.answer, enabled: true }]);
    expect(await dismissedGaps(handle.db, mine.account.id)).toMatchObject([gap]);
  });
});
