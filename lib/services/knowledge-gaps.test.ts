// Gap actions: "Not a knowledge gap" dismisses a group and restore brings it back; the editor's
// replay counts the range's unanswered questions an entry would have answered; a group an entry
// now answers says since when, and stops saying it after the entry is turned off or deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { eq } from "drizzle-orm";
import { insertKnowledge, insertSynonyms } from "@/db/queries/knowledge";
import { findOverviewAccount } from "@/db/queries/overview/account-time-zone";
import { accounts } from "@/db/schema/accounts";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { handleShopperMessage, startConversation } from "@/lib/services/conversations";
import { deleteEntry, setEntryEnabled } from "@/lib/services/knowledge";
import { dismissGap, restoreGap } from "@/lib/services/knowledge-gaps";
import { replayEntry } from "@/lib/services/knowledge-replay";
import { getOverview } from "@/lib/services/overview";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function shopWithGaps() {
  const { account, members } = await createAccountWithMembers(handle);
  const ask = async (text: string) => {
    const c = await startConversation(handle.db, { accountId: account.id, input: { channel: "sms", shopper: { phone: "+15555550100" } }, locale: "en" });
    // SMS: no answer goes to the team at once, with the question as the reason.
    await handleShopperMessage(handle.db, { accountId: account.id, id: c.id, token: null, keyKind: "secret" }, text);
  };
  for (const text of ["Do you ship to Canada?", "do you ship to canada", "Can you ship to Canada?", "I want to talk to a human", "talk to a human please"])
    await ask(text);
  const editor = { accountId: account.id, userId: members[0]!.id };
  const gaps = async () => (await getOverview(handle.db, { accountId: account.id, filters: { range: "7", channel: "all" } })).knowledgeGaps;
  return { account, editor, gaps };
}

describe("knowledge gap actions", () => {
  it("dismisses a group (every wording of it) and restores it", async () => {
    const { editor, gaps } = await shopWithGaps();
    const before = await gaps();
    expect(before.questions.map((q) => q.count)).toEqual([3, 2]);
    const human = before.questions.find((q) => /human/.test(q.question))!;
    await dismissGap(handle.db, editor, { key: human.key, question: human.question });
    const after = await gaps();
    expect(after.questions.map((q) => q.question)).toEqual([before.questions[0]!.question]);
    expect(after.dismissed).toEqual([{ key: human.key, question: human.question, dismissedAt: expect.any(String) }]);
    await restoreGap(handle.db, editor, human.key);
    const restored = await gaps();
    expect(restored.questions.map((q) => q.key)).toEqual(before.questions.map((q) => q.key));
    expect(restored.dismissed).toEqual([]);
  });

  it("replays the answerer with the editor's entry over the range's unanswered questions, saving nothing", async () => {
    const { account } = await shopWithGaps();
    const input = { question: "Do you ship to Canada?", variants: ["Can you ship to Canada?"], answer: "Yes, in 5-8 days.", locale: "en" as const, days: 7 };
    const result = await replayEntry(handle.db, { accountId: account.id, input });
    expect(result).toMatchObject({ answered: 3, total: 5, days: 7 });
    expect(result.examples.length).toBeGreaterThan(0);
    const again = await replayEntry(handle.db, { accountId: account.id, input: { ...input, question: "Do you sell gift cards?", variants: [] } });
    expect(again).toMatchObject({ answered: 0, total: 5 });
    // Nothing was kept: the gap is still unanswered.
    const overview = await getOverview(handle.db, { accountId: account.id, filters: { range: "7", channel: "all" } });
    expect(overview.knowledgeGaps.questions[0]!.covered).toBeNull();
  });

  it("says since when an entry answers a group, with the group's questions before and since", async () => {
    const { account, editor, gaps } = await shopWithGaps();
    // Read first, so that this process keeps "no entry answers it" under the knowledge version of now.
    expect((await gaps()).questions.map((q) => q.covered)).toEqual([null, null]);
    await insertKnowledge(handle.db, [{ accountId: account.id, question: "Do you ship to Canada?", answer: "Yes, in 5-8 days." }]);
    const [canada, human] = (await gaps()).questions;
    expect(canada!.covered).toMatchObject({ entryId: expect.any(String), since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), before: 0, after: 3 });
    expect(human!.covered).toBeNull();
    // Every edit counts from the next read: turned off, on again, deleted.
    const id = canada!.covered!.entryId;
    await setEntryEnabled(handle.db, editor, { id, enabled: false });
    expect((await gaps()).questions[0]!.covered).toBeNull();
    await setEntryEnabled(handle.db, editor, { id, enabled: true });
    expect((await gaps()).questions[0]!.covered).toMatchObject({ entryId: id });
    await deleteEntry(handle.db, editor, id);
    expect((await gaps()).questions[0]!.covered).toBeNull();
  });

  it("counts one knowledge version per statement and account, and lets an account with knowledge be deleted", async () => {
    const { account } = await shopWithGaps();
    const other = (await createAccountWithMembers(handle)).account;
    const version = async (id: string) => (await findOverviewAccount(handle.db, id))?.knowledgeVersion;
    const [before, otherBefore] = [await version(account.id), await version(other.id)];
    await insertKnowledge(handle.db, [
      { accountId: account.id, question: "Do you ship to Canada?", answer: "Yes." },
      { accountId: account.id, question: "Do you sell gift cards?", answer: "Yes." },
    ]);
    expect(await version(account.id)).toBe(before! + 1);
    expect(await version(other.id)).toBe(otherBefore);
    await insertSynonyms(handle.db, [{ accountId: account.id, locale: "en", words: ["ship", "deliver"] }]);
    expect(await version(account.id)).toBe(before! + 2);
    await handle.db.delete(accounts).where(eq(accounts.id, account.id));
    expect(await version(account.id)).toBeUndefined();
  });
});
