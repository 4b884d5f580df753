import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { createEscalation } from "@/lib/services/escalations";
import { claimConversation, replyToConversation } from "@/lib/services/inbox";
import { changeLatch, subscribeToChanges, type Change } from "./changes";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
  useDatabaseForTests(handle);
});
afterAll(() => handle.close());

async function handoff(accountId: string) {
  const { body } = await createEscalation(handle.db, {
    accountId,
    idempotencyKey: `changes-${crypto.randomUUID()}`,
    texts: shopperTexts("en"),
    input: {
      channel: "web_chat",
      consent: true,
      shopper: { email: "sam@example.com" },
      transcript: [{ role: "shopper", text: "Hello?", at: new Date().toISOString() }],
    },
  });
  return body.conversationId;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("change notifications", () => {
  it("announce handoffs, claims and replies to their own account only, once committed", async () => {
    const mine = await createAccountWithMembers(handle, ["agent"]);
    const theirs = await createAccountWithMembers(handle, ["agent"]);
    const seen: Change[] = [];
    const stop = await subscribeToChanges({ accountId: mine.account.id }, (change) => seen.push(change));

    await handoff(theirs.account.id);
    const conversationId = await handoff(mine.account.id);
    const agent = { accountId: mine.account.id, userId: mine.members[0]!.id, name: "Ari" };
    await claimConversation(handle.db, agent, conversationId);
    await replyToConversation(handle.db, agent, conversationId, "Hi!");
    await expect.poll(() => seen.map((c) => c.source)).toEqual(expect.arrayContaining(["escalations", "conversation_events"]));
    await settle();
    expect(seen.every((c) => c.accountId === mine.account.id && c.conversationId === conversationId)).toBe(true);

    // A rolled-back change announces nothing.
    const before = seen.length;
    await handle.db
      .transaction(async (tx) => {
        await replyToConversation(tx, agent, conversationId, "Never sent");
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await settle();
    expect(seen).toHaveLength(before);

    stop();
    await replyToConversation(handle.db, agent, conversationId, "After unsubscribing");
    await settle();
    expect(seen).toHaveLength(before);
  });

  it("a subscription to one conversation hears only that conversation", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const [first, second] = [await handoff(account.id), await handoff(account.id)];
    const seen: string[] = [];
    const stop = await subscribeToChanges({ accountId: account.id, conversationId: second }, (change) => seen.push(change.conversationId));
    const agent = { accountId: account.id, userId: members[0]!.id, name: "Ari" };
    await replyToConversation(handle.db, agent, first, "To the first");
    await replyToConversation(handle.db, agent, second, "To the second");
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await settle();
    expect(new Set(seen)).toEqual(new Set([second]));
    stop();
  });

  it("a process that cannot listen says so, and stream loops fall back to re-reading every second", async () => {
    const { account } = await createAccountWithMembers(handle, ["agent"]);
    useDatabaseForTests({ ...handle, listen: () => Promise.reject(new Error("LISTEN refused")) });
    try {
      await expect(subscribeToChanges({ accountId: account.id }, () => {})).rejects.toThrow("LISTEN refused");
      const latch = await changeLatch({ accountId: account.id }, new AbortController().signal);
      const started = Date.now();
      await latch.wait(60_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      latch.stop();
    } finally {
      useDatabaseForTests(handle);
    }
  });
});
