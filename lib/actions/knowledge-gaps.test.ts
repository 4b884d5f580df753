// Who may work the knowledge loop, through the real actions behind the real gate: an agent reads
// but cannot dismiss, restore, replay, set the resolution window or change entries; another
// account sees none of an account's dismissed gaps, entries or unanswered questions and changes
// none of them.
import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { listKnowledgeEntries } from "@/db/queries/knowledge-entries";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { handleShopperMessage, startConversation } from "@/lib/services/conversations";
import { dismissedGaps } from "@/lib/services/knowledge-gaps";
import { resolutionWindowHours } from "@/lib/services/resolution-window";

// Only next-auth's session lookup is stood in for.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { dismissGapAction, replayEntryAction, restoreGapAction } = await import("@/lib/actions/knowledge-gaps");
const { deleteEntryAction, saveEntryAction, saveResolutionWindowAction, toggleEntryAction } = await import("@/lib/actions/knowledge");

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
const entry = { question: "Do you ship to Canada?", variants: "", answer: "Yes, in 7 to 10 days.", link: "", locale: "en" };
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
const entriesOf = (accountId: string) => listKnowledgeEntries(handle.db, { accountId, now: new Date() });
const forbidden = { ok: false, error: { code: "forbidden" } };

describe("knowledge loop: roles and accounts", () => {
  it("an agent cannot dismiss or restore a gap, replay an entry, set the window, or edit, turn off or delete an entry", async () => {
    const { account, lead, agent } = await shop();
    await as(lead);
    const created = await saveEntryAction(null, form(entry));
    const id = created.ok ? created.data.id : "";
    expect(await dismissGapAction(null, form(gap))).toMatchObject({ ok: true });

    await as(agent);
    expect(await dismissGapAction(null, form({ key: "other", question: "Another question?" }))).toMatchObject(forbidden);
    expect(await restoreGapAction(null, form({ key: gap.key }))).toMatchObject(forbidden);
    expect(await replayEntryAction(null, form({ ...entry, days: "30" }))).toMatchObject(forbidden);
    expect(await saveResolutionWindowAction(null, form({ hours: "48" }))).toMatchObject(forbidden);
    expect(await saveEntryAction(null, form({ ...entry, id, answer: "changed" }))).toMatchObject(forbidden);
    expect(await toggleEntryAction(null, form({ id, enabled: "false" }))).toMatchObject(forbidden);
    expect(await deleteEntryAction(null, form({ id }))).toMatchObject(forbidden);

    expect(await dismissedGaps(handle.db, account.id)).toMatchObject([gap]);
    expect(await resolutionWindowHours(handle.db, account.id)).toBe(24);
    expect(await entriesOf(account.id)).toMatchObject([{ id, answer: entry.answer, enabled: true }]);
  });

  it("another account neither sees nor changes an account's dismissed gaps, entries, unanswered questions or window", async () => {
    const mine = await shop();
    await as(mine.lead);
    const created = await saveEntryAction(null, form(entry));
    const id = created.ok ? created.data.id : "";
    expect(await dismissGapAction(null, form(gap))).toMatchObject({ ok: true });
    // The lead's own replay counts the account's two unanswered questions.
    expect(await replayEntryAction(null, form({ ...entry, id, days: "30" }))).toMatchObject({ ok: true, data: { answered: 2, total: 2 } });

    const theirs = await createAccountWithMembers(handle, ["admin"]);
    await as(theirs.members[0]!);
    expect(await dismissedGaps(handle.db, theirs.account.id)).toEqual([]);
    // Restoring the same key restores nothing of the first account's.
    expect(await restoreGapAction(null, form({ key: gap.key }))).toMatchObject({ ok: true });
    expect(await dismissedGaps(handle.db, mine.account.id)).toMatchObject([gap]);
    // Its replay reads only its own (no) unanswered questions, and cannot use the other's entry.
    expect(await replayEntryAction(null, form({ ...entry, days: "30" }))).toMatchObject({ ok: true, data: { answered: 0, total: 0, examples: [] } });
    expect(await replayEntryAction(null, form({ ...entry, id, days: "30" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await saveEntryAction(null, form({ ...entry, id, answer: "hijacked" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await toggleEntryAction(null, form({ id, enabled: "false" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await deleteEntryAction(null, form({ id }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await entriesOf(theirs.account.id)).toEqual([]);
    // Its window is its own.
    expect(await saveResolutionWindowAction(null, form({ hours: "48" }))).toMatchObject({ ok: true });
    expect(await resolutionWindowHours(handle.db, theirs.account.id)).toBe(48);
    expect(await resolutionWindowHours(handle.db, mine.account.id)).toBe(24);

    expect(await entriesOf(mine.account.id)).toMatchObject([{ id, answer: entry.answer, enabled: true }]);
    expect(await dismissedGaps(handle.db, mine.account.id)).toMatchObject([gap]);
  });
});
