import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { escalations } from "@/db/schema/escalations";
import { countUnassignedOpen, listInbox } from "@/db/queries/escalations/inbox";
import { listEventsAfter } from "@/db/queries/conversations";
import { appFailure } from "@/db/testing/failures";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { createEscalation } from "@/lib/services/escalations";
import { claimConversation, closeConversation, openInboxConversation, replyToConversation } from "@/lib/services/inbox";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

async function teamWithHandoff() {
  const { account, members } = await createAccountWithMembers(handle, ["agent", "agent"]);
  const { body } = await createEscalation(handle.db, {
    accountId: account.id,
    idempotencyKey: `inbox-${account.id}`,
    texts: shopperTexts("en"),
    input: {
      channel: "web_chat",
      consent: true,
      shopper: { email: "sam@example.com" },
      transcript: [{ role: "shopper", text: "Help me?", at: new Date().toISOString() }],
    },
  });
  const agents = members.map((m) => ({ accountId: account.id, userId: m.id, name: m.name }));
  return { account, agents, conversationId: body.conversationId, escalationId: body.escalationId! };
}

describe("Baton Inbox", () => {
  it("a reply that fails to save leaves the conversation unclaimed", async () => {
    const { account, agents, conversationId } = await teamWithHandoff();
    const [a] = agents as [(typeof agents)[0]];
    await expect(replyToConversation(handle.db, a, conversationId, "bad \u0000 byte")).rejects.toThrow();
    expect(await countUnassignedOpen(handle.db, account.id)).toBe(1);
  });

  it("lists handoffs, and of two agents claiming at once exactly one owns it", async () => {
    const { account, agents, conversationId } = await teamWithHandoff();
    const [a, b] = agents as [(typeof agents)[0], (typeof agents)[0]];
    expect(await countUnassignedOpen(handle.db, account.id)).toBe(1);
    const results = await Promise.allSettled([claimConversation(handle.db, a, conversationId), claimConversation(handle.db, b, conversationId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await countUnassignedOpen(handle.db, account.id)).toBe(0);
    const mine = await listInbox(handle.db, { accountId: account.id, userId: a.userId, filter: { assignee: "mine", state: "open" }, limit: 10 });
    const theirs = await listInbox(handle.db, { accountId: account.id, userId: b.userId, filter: { assignee: "mine", state: "open" }, limit: 10 });
    expect(mine.length + theirs.length).toBe(1);
  });

  it("a reply is a human message the shopper's widget reads; the loser of a claim cannot reply", async () => {
    const { account, agents, conversationId, escalationId } = await teamWithHandoff();
    const [a, b] = agents as [(typeof agents)[0], (typeof agents)[0]];
    await claimConversation(handle.db, a, conversationId);
    await replyToConversation(handle.db, a, conversationId, "Hi Sam, yes we can!");
    const firstReply = (await handle.db.select().from(escalations).where(eq(escalations.id, escalationId)))[0]!.firstHumanReplyAt;
    expect(firstReply).toBeInstanceOf(Date);
    await replyToConversation(handle.db, a, conversationId, "Anything else?");
    expect((await handle.db.select().from(escalations).where(eq(escalations.id, escalationId)))[0]!.firstHumanReplyAt).toEqual(firstReply);
    expect(await appFailure(replyToConversation(handle.db, b, conversationId, "Me too"))).toMatchObject({ code: "conflict", message: "already_claimed" });
    const events = await listEventsAfter(handle.db, { accountId: account.id, conversationId, after: 0 });
    expect(events.filter((e) => e.author === "human").map((e) => [e.text, e.data])).toEqual([
      ["Hi Sam, yes we can!", { name: a.name }],
      ["Anything else?", { name: a.name }],
    ]);

    await closeConversation(handle.db, a, conversationId);
    expect(await appFailure(replyToConversation(handle.db, a, conversationId, "Late"))).toMatchObject({ code: "conflict", message: "closed" });
    expect(await listInbox(handle.db, { accountId: account.id, userId: a.userId, filter: { assignee: "all", state: "closed" }, limit: 10 })).toHaveLength(1);
  });

  it("holds escalations whose forwarding failed, and nothing of other accounts", async () => {
    const { account, agents, conversationId, escalationId } = await teamWithHandoff();
    await handle.db
      .update(escalations)
      .set({ destination: "zendesk", status: "failed", lastError: "Zendesk: credentials were refused" })
      .where(eq(escalations.id, escalationId));
    const [row] = await listInbox(handle.db, { accountId: account.id, userId: agents[0]!.userId, filter: { assignee: "all", state: "open" }, limit: 10 });
    expect(row).toMatchObject({ status: "failed", destination: "zendesk", lastError: "Zendesk: credentials were refused" });

    const other = await teamWithHandoff();
    expect(await openInboxConversation(handle.db, other.agents[0]!, conversationId)).toBeNull();
    expect(await appFailure(claimConversation(handle.db, other.agents[0]!, conversationId))).toMatchObject({ code: "not_found" });
    expect(await appFailure(replyToConversation(handle.db, other.agents[0]!, conversationId, "Not mine"))).toMatchObject({ code: "not_found" });
    expect(await appFailure(closeConversation(handle.db, other.agents[0]!, conversationId))).toMatchObject({ code: "not_found" });
    expect(
      await listInbox(handle.db, { accountId: other.account.id, userId: other.agents[0]!.userId, filter: { assignee: "all", state: "open" }, limit: 10 }),
    ).not.toContainEqual(expect.objectContaining({ conversationId }));
  });
});
