// The overview's aggregate rows stay exact while conversations and escalations change, through
// the same services and queries the app uses: after every step they equal a GROUP BY over the
// raw rows written here.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { updateConversation } from "@/db/queries/conversations";
import { insertEscalation } from "@/db/queries/escalations";
import { claimDueEscalations, markDelivered, markFailed, requeueNow } from "@/db/queries/escalations";
import { closeInboxItem, markFirstHumanReply } from "@/db/queries/escalations/inbox";
import { accounts } from "@/db/schema/accounts";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { setTimeZone, writeConversations } from "@/db/testing/overview-data";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { answerHandoff, handleShopperMessage, resolveConversation, startConversation } from "@/lib/services/conversations";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const rows = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

async function aggregates(accountId: string) {
  const q = async (query: ReturnType<typeof sql>) => rows<Record<string, unknown>>(await handle.db.execute(query));
  return {
    conversations: await q(sql`select day::text, channel::text, status::text, offered, conversations as n from overview_conversation_days
      where account_id = ${accountId} and conversations <> 0 order by 1, 2, 3, 4`),
    escalations: await q(sql`select day::text, channel::text, destination::text, status::text, escalations as n from overview_escalation_days
      where account_id = ${accountId} and escalations <> 0 order by 1, 2, 3, 4`),
    conversationWeeks: await q(sql`select week::text, channel::text, status::text, offered, conversations as n from overview_conversation_weeks
      where account_id = ${accountId} and conversations <> 0 order by 1, 2, 3, 4`),
    escalationWeeks: await q(sql`select week::text, channel::text, destination::text, status::text, escalations as n from overview_escalation_weeks
      where account_id = ${accountId} and escalations <> 0 order by 1, 2, 3, 4`),
    replies: await q(sql`select day::text, channel::text, bucket::int, replies as n from overview_reply_time_days
      where account_id = ${accountId} and replies <> 0 order by 1, 2, 3`),
    replyWeeks: await q(sql`select week::text, channel::text, bucket::int, replies as n from overview_reply_time_weeks
      where account_id = ${accountId} and replies <> 0 order by 1, 2, 3`),
    questions: await q(sql`select d.day::text, d.channel::text, d.status::text, w.reason, w.stems, d.questions as n
      from overview_question_days d join overview_question_wordings w on w.id = d.wording_id
      where d.account_id = ${accountId} and d.questions <> 0 order by 1, 2, 3, 4`),
    questionWeeks: await q(sql`select d.week::text, d.channel::text, d.status::text, w.reason, w.stems, d.questions as n
      from overview_question_weeks d join overview_question_wordings w on w.id = d.wording_id
      where d.account_id = ${accountId} and d.questions <> 0 order by 1, 2, 3, 4`),
  };
}

async function fromRawRows(accountId: string) {
  const q = async (query: ReturnType<typeof sql>) => rows<Record<string, unknown>>(await handle.db.execute(query));
  return {
    conversations: await q(sql`
      select c.local_day::text as day, c.channel::text, c.status::text,
             (exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'handoff_offered')
              or c.status = 'declined' or (c.channel = 'web_chat' and c.status = 'routed')) as offered,
             count(*)::int as n
      from conversations c where c.account_id = ${accountId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    escalations: await q(sql`
      select c.local_day::text as day, c.channel::text, e.destination::text, e.status::text, count(*)::int as n
      from escalations e join conversations c on c.id = e.conversation_id where e.account_id = ${accountId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    conversationWeeks: await q(sql`
      select date_trunc('week', c.local_day::timestamp)::date::text as week, c.channel::text, c.status::text,
             (exists (select 1 from conversation_events e where e.conversation_id = c.id and e.type = 'handoff_offered')
              or c.status = 'declined' or (c.channel = 'web_chat' and c.status = 'routed')) as offered,
             count(*)::int as n
      from conversations c where c.account_id = ${accountId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    escalationWeeks: await q(sql`
      select date_trunc('week', c.local_day::timestamp)::date::text as week, c.channel::text, e.destination::text, e.status::text, count(*)::int as n
      from escalations e join conversations c on c.id = e.conversation_id where e.account_id = ${accountId} group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    replies: await q(sql`
      select c.local_day::text as day, c.channel::text, floor(ln(1 + extract(epoch from e.first_human_reply_at - e.created_at)) / ln(1.05))::int as bucket, count(*)::int as n
      from escalations e join conversations c on c.id = e.conversation_id
      where e.account_id = ${accountId} and e.first_human_reply_at is not null group by 1, 2, 3 order by 1, 2, 3`),
    replyWeeks: await q(sql`
      select date_trunc('week', c.local_day::timestamp)::date::text as week, c.channel::text,
             floor(ln(1 + extract(epoch from e.first_human_reply_at - e.created_at)) / ln(1.05))::int as bucket, count(*)::int as n
      from escalations e join conversations c on c.id = e.conversation_id
      where e.account_id = ${accountId} and e.first_human_reply_at is not null group by 1, 2, 3 order by 1, 2, 3`),
    questions: await q(sql`
      select c.local_day::text as day, c.channel::text, c.status::text, c.reason,
             tsvector_to_array(to_tsvector(baton_text_search_config(c.locale), c.reason)) as stems, count(*)::int as n
      from conversations c where c.account_id = ${accountId} and c.status in ('routed', 'message_shown') and c.reason is not null
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4`),
    questionWeeks: await q(sql`
      select date_trunc('week', c.local_day::timestamp)::date::text as week, c.channel::text, c.status::text, c.reason,
             tsvector_to_array(to_tsvector(baton_text_search_config(c.locale), c.reason)) as stems, count(*)::int as n
      from conversations c where c.account_id = ${accountId} and c.status in ('routed', 'message_shown') and c.reason is not null
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4`),
  };
}

async function expectExact(accountId: string) {
  expect(await aggregates(accountId)).toEqual(await fromRawRows(accountId));
}

const texts = shopperTexts("en");

describe("aggregates kept exact by triggers", () => {
  it("follows the widget flow: offer, decline, offer again, consent, inbox reply and close", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const caller = (id: string) => ({ accountId: account.id, id, token: null, keyKind: "secret" as const, texts });
    const a = await startConversation(handle.db, { accountId: account.id, input: { channel: "web_chat", shopper: {} }, locale: "en" });
    await expectExact(account.id);
    await handleShopperMessage(handle.db, caller(a.id), "Can I pay with gold coins?"); // open, offered
    await expectExact(account.id);
    await answerHandoff(handle.db, caller(a.id), { consent: false }); // declined
    await expectExact(account.id);
    await handleShopperMessage(handle.db, caller(a.id), "Actually, can I speak to someone about coins?");
    await answerHandoff(handle.db, caller(a.id), { consent: true, email: "coins@example.com" }); // declined → routed, in the inbox
    await expectExact(account.id);

    const b = await startConversation(handle.db, { accountId: account.id, input: { channel: "sms", shopper: { phone: "+15555550100" } }, locale: "en" });
    await handleShopperMessage(handle.db, caller(b.id), "Where is my parcel from last week?"); // SMS: routed at once, no offer
    const c = await startConversation(handle.db, { accountId: account.id, input: { channel: "web_chat", shopper: {} }, locale: "en" });
    await resolveConversation(handle.db, caller(c.id));
    await expectExact(account.id);

    const [escalation] = await handle.db.select().from(escalations).where(eq(escalations.conversationId, a.id));
    await markFirstHumanReply(handle.db, { accountId: account.id, escalationId: escalation!.id });
    await markFirstHumanReply(handle.db, { accountId: account.id, escalationId: escalation!.id }); // the first reply stays
    await closeInboxItem(handle.db, { accountId: account.id, escalationId: escalation!.id, userId: members[0]!.id });
    await expectExact(account.id);
    const after = await aggregates(account.id);
    expect(after.conversations.reduce((sum, r) => sum + Number(r.n), 0)).toBe(3);
    expect(after.replies).toHaveLength(1);
  });

  it("follows forwarding: queued → failed → queued again → delivered, with claims in between", async () => {
    const { account } = await createAccountWithMembers(handle);
    const [id] = await writeConversations(handle.db, account.id, "UTC", [{ local: "2026-03-01 10:00", channel: "web_chat", status: "open" }]);
    await updateConversation(handle.db, { accountId: account.id, id: id! }, { status: "routed" });
    const escalation = await insertEscalation(handle.db, { accountId: account.id, conversationId: id!, destination: "zendesk", status: "queued" });
    await expectExact(account.id);
    await claimDueEscalations(handle.db, { limit: 10, leaseMs: 0, ids: [escalation.id] });
    await markFailed(handle.db, escalation.id, "helpdesk down");
    await expectExact(account.id);
    expect((await aggregates(account.id)).escalations).toEqual([{ day: "2026-03-01", channel: "web_chat", destination: "zendesk", status: "failed", n: 1 }]);
    await requeueNow(handle.db, { accountId: account.id, id: escalation.id });
    await claimDueEscalations(handle.db, { limit: 10, leaseMs: 0, ids: [escalation.id] });
    await markDelivered(handle.db, escalation.id, { id: "42", url: "https://example.zendesk.com/42" });
    await expectExact(account.id);
    expect((await aggregates(account.id)).escalations).toEqual([{ day: "2026-03-01", channel: "web_chat", destination: "zendesk", status: "delivered", n: 1 }]);
  });

  it("handles bulk inserts and updates, direct and cascading deletes", async () => {
    const { account } = await createAccountWithMembers(handle);
    await writeConversations(
      handle.db,
      account.id,
      "UTC",
      Array.from({ length: 60 }, (_, i) => ({
        local: `2026-04-${String(1 + (i % 28)).padStart(2, "0")} ${String(i % 24).padStart(2, "0")}:15`,
        channel: i % 3 === 0 ? ("sms" as const) : ("web_chat" as const),
        status: "routed" as const,
        offered: i % 3 !== 0,
        escalation: {
          destination: i % 2 ? ("baton_inbox" as const) : ("gorgias" as const),
          status: i % 2 ? ("in_inbox" as const) : ("queued" as const),
          replyAfterSeconds: i % 4 ? i * 37 : undefined,
        },
      })),
    );
    await expectExact(account.id);
    // One statement changing many rows.
    await handle.db.execute(sql`update escalations set status = 'delivered' where account_id = ${account.id} and status = 'queued'`);
    await handle.db.execute(
      sql`update escalations set first_human_reply_at = created_at + interval '1 hour' where account_id = ${account.id} and first_human_reply_at is null`,
    );
    await handle.db.execute(sql`update conversations set status = 'resolved' where account_id = ${account.id} and channel = 'sms'`);
    await expectExact(account.id);
    // An escalation deleted alone; then conversations deleted with their escalations (cascade).
    await handle.db.execute(sql`delete from escalations where id = (select id from escalations where account_id = ${account.id} order by created_at limit 1)`);
    await expectExact(account.id);
    await handle.db.execute(sql`delete from conversations where account_id = ${account.id} and local_day < '2026-04-10'`);
    await expectExact(account.id);
  });

  it("counts at commit: many changes to the same rows inside one transaction, or a rolled-back one, stay exact", async () => {
    const { account } = await createAccountWithMembers(handle);
    const [kept] = await writeConversations(handle.db, account.id, "UTC", [{ local: "2026-07-01 09:00", channel: "web_chat", status: "open" }]);
    await handle.db.transaction(async (tx) => {
      const [a] = await writeConversations(tx, account.id, "UTC", [{ local: "2026-07-01 10:00", channel: "web_chat", status: "open" }]);
      const escalation = await insertEscalation(tx, { accountId: account.id, conversationId: a!, destination: "gorgias", status: "queued" });
      await updateConversation(tx, { accountId: account.id, id: a! }, { status: "routed" });
      await markFailed(tx, escalation.id, "down");
      await updateConversation(tx, { accountId: account.id, id: kept! }, { status: "declined" });
      await updateConversation(tx, { accountId: account.id, id: kept! }, { status: "resolved" });
      // Written and deleted in the same transaction: no trace.
      const [b] = await writeConversations(tx, account.id, "UTC", [
        { local: "2026-07-01 11:00", channel: "sms", status: "routed", escalation: { destination: "baton_inbox", status: "in_inbox", replyAfterSeconds: 30 } },
      ]);
      await tx.delete(conversations).where(eq(conversations.id, b!));
    });
    await expectExact(account.id);
    await handle.db
      .transaction(async (tx) => {
        await updateConversation(tx, { accountId: account.id, id: kept! }, { status: "message_shown" });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await expectExact(account.id);
    expect((await aggregates(account.id)).conversations.map((r) => r.status)).toEqual(["resolved", "routed"]);
  });

  it("fixes a conversation's day when it starts: a later time zone change moves nothing", async () => {
    const { account } = await createAccountWithMembers(handle);
    await setTimeZone(handle.db, account.id, "America/New_York");
    // 23:30 in New York on 1 May is 03:30 UTC on 2 May.
    const [id] = await writeConversations(handle.db, account.id, "America/New_York", [{ local: "2026-05-01 23:30", channel: "sms", status: "open" }]);
    await setTimeZone(handle.db, account.id, "Asia/Tokyo");
    await updateConversation(handle.db, { accountId: account.id, id: id! }, { status: "resolved" });
    const [row] = await handle.db.select({ localDay: conversations.localDay }).from(conversations).where(eq(conversations.id, id!));
    expect(row!.localDay).toBe("2026-05-01");
    expect((await aggregates(account.id)).conversations).toEqual([{ day: "2026-05-01", channel: "sms", status: "resolved", offered: false, n: 1 }]);
    // A new conversation at the same instant counts on Tokyo's day.
    await writeConversations(handle.db, account.id, "America/New_York", [{ local: "2026-05-01 23:30", channel: "sms", status: "open" }]);
    expect((await aggregates(account.id)).conversations.map((r) => r.day)).toEqual(["2026-05-01", "2026-05-02"]);
    await expectExact(account.id);
  });

  it("stays exact under concurrent changes, and an account's deletion takes its rows along", async () => {
    const { account } = await createAccountWithMembers(handle);
    const ids = await writeConversations(
      handle.db,
      account.id,
      "UTC",
      Array.from({ length: 40 }, (_, i) => ({
        local: "2026-06-01 12:00",
        channel: "web_chat" as const,
        status: i % 2 ? ("declined" as const) : ("message_shown" as const),
      })),
    );
    // Conversations moving both ways between the same two rows at once (PostgreSQL runs these in parallel).
    await Promise.all(
      ids.map((id, i) =>
        handle.db.transaction(async (tx) => updateConversation(tx, { accountId: account.id, id }, { status: i % 2 ? "message_shown" : "declined" })),
      ),
    );
    await expectExact(account.id);
    await handle.db.delete(accounts).where(eq(accounts.id, account.id));
    expect(await aggregates(account.id)).toEqual({
      conversations: [],
      conversationWeeks: [],
      escalations: [],
      escalationWeeks: [],
      replies: [],
      replyWeeks: [],
      questions: [],
      questionWeeks: [],
    });
  });
});
