import { and, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/accounts";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";

export type InboxFilter = { assignee: "unassigned" | "mine" | "all"; state: "open" | "closed"; channel?: "web_chat" | "sms" };

/** Baton Inbox holds its own handoffs and every escalation whose forwarding failed. */
const inInbox = or(eq(escalations.destination, "baton_inbox"), eq(escalations.status, "failed"))!;

function where(accountId: string, userId: string, filter: InboxFilter): SQL {
  return and(
    eq(escalations.accountId, accountId),
    inInbox,
    filter.state === "open" ? isNull(escalations.closedAt) : isNotNull(escalations.closedAt),
    filter.assignee === "unassigned" ? isNull(escalations.assigneeId) : filter.assignee === "mine" ? eq(escalations.assigneeId, userId) : undefined,
    filter.channel ? eq(conversations.channel, filter.channel) : undefined,
  )!;
}

const row = {
  escalationId: escalations.id,
  conversationId: conversations.id,
  channel: conversations.channel,
  shopperEmail: conversations.shopperEmail,
  shopperPhone: conversations.shopperPhone,
  shopperName: conversations.shopperName,
  shopperProfileId: conversations.shopperProfileId,
  shopperVerified: conversations.shopperVerified,
  reason: conversations.reason,
  status: escalations.status,
  destination: escalations.destination,
  lastError: escalations.lastError,
  createdAt: escalations.createdAt,
  closedAt: escalations.closedAt,
  assigneeId: escalations.assigneeId,
  assigneeName: users.name,
  followUp: escalations.followUp,
  /** The shopper's language: reply emails are written in it. */
  locale: conversations.locale,
};

export async function listInbox(db: Database, params: { accountId: string; userId: string; filter: InboxFilter; limit: number }) {
  return db
    .select(row)
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .leftJoin(users, eq(users.id, escalations.assigneeId))
    .where(where(params.accountId, params.userId, params.filter))
    .orderBy(desc(escalations.createdAt))
    .limit(params.limit);
}

/** Open conversations nobody has claimed: the sidebar's badge. */
export async function countUnassignedOpen(db: Database, accountId: string) {
  const [result] = await db
    .select({ n: count() })
    .from(escalations)
    .where(and(eq(escalations.accountId, accountId), inInbox, isNull(escalations.closedAt), isNull(escalations.assigneeId)));
  return result?.n ?? 0;
}

export async function findInboxItem(db: Database, params: { accountId: string; conversationId: string }) {
  const rows = await db
    .select(row)
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .leftJoin(users, eq(users.id, escalations.assigneeId))
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.conversationId, params.conversationId), inInbox))
    .limit(1);
  return rows[0] ?? null;
}

/** One owner: the claim only lands if nobody holds it (or the claimant already does). */
export async function claimInboxItem(db: Database, params: { accountId: string; escalationId: string; userId: string }) {
  const rows = await db
    .update(escalations)
    .set({ assigneeId: params.userId, updatedAt: sql`now()` })
    .where(
      and(
        eq(escalations.accountId, params.accountId),
        eq(escalations.id, params.escalationId),
        or(isNull(escalations.assigneeId), eq(escalations.assigneeId, params.userId)),
      ),
    )
    .returning({ id: escalations.id });
  return rows.length > 0;
}

export async function closeInboxItem(db: Database, params: { accountId: string; escalationId: string }) {
  await db
    .update(escalations)
    .set({ closedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.id, params.escalationId), isNull(escalations.closedAt)));
}

/** Time to first human reply: the first reply's time is kept, later replies leave it alone. */
export async function markFirstHumanReply(db: Database, params: { accountId: string; escalationId: string }) {
  await db
    .update(escalations)
    .set({ firstHumanReplyAt: sql`now()` })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.id, params.escalationId), isNull(escalations.firstHumanReplyAt)));
}
