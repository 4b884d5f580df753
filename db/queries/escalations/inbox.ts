import { and, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/accounts";
import { conversationEvents, conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";

export type InboxFilter = {
  assignee: "unassigned" | "mine" | "all";
  state: "open" | "closed";
  channel?: "web_chat" | "sms";
  /** Part of the shopper's email or of any message's text. */
  q?: string;
};

/**
 * Baton Inbox holds its own handoffs and every escalation whose forwarding failed; once closed
 * (by an agent, or forwarded after all), it stays in the Closed view.
 */
export const inInbox = or(eq(escalations.destination, "baton_inbox"), eq(escalations.status, "failed"), isNotNull(escalations.closedAt))!;

/** LIKE's wildcards in a typed search are plain characters. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Conversations of the account whose shopper email or any message contains the text. A union of
 * two subqueries (not an OR) so each side reads its trigram index.
 */
function matching(accountId: string, q: string): SQL {
  const pattern = likePattern(q);
  return sql`${escalations.conversationId} in (
    select ${conversations.id} from ${conversations}
      where ${conversations.accountId} = ${accountId} and ${conversations.shopperEmail} ilike ${pattern}
    union
    select ${conversationEvents.conversationId} from ${conversationEvents}
      where ${conversationEvents.accountId} = ${accountId} and ${conversationEvents.type} = 'message' and ${conversationEvents.text} ilike ${pattern}
  )`;
}

/** The column each view is ordered by: open rows by their handoff, closed ones by their close. */
const sortColumn = (filter: InboxFilter) => (filter.state === "open" ? escalations.createdAt : escalations.closedAt);

/**
 * Keyset cursor: the sort time in microseconds (JavaScript dates keep only milliseconds, so rows a
 * microsecond apart would be skipped or repeated) and the id, which breaks ties.
 */
export type InboxCursor = { at: string; id: string };
const cursorText = (column: AnyPgColumn) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function where(accountId: string, userId: string, filter: InboxFilter, after?: InboxCursor): SQL {
  return and(
    eq(escalations.accountId, accountId),
    inInbox,
    filter.state === "open" ? isNull(escalations.closedAt) : isNotNull(escalations.closedAt),
    filter.assignee === "unassigned" ? isNull(escalations.assigneeId) : filter.assignee === "mine" ? eq(escalations.assigneeId, userId) : undefined,
    filter.channel ? eq(conversations.channel, filter.channel) : undefined,
    filter.q ? matching(accountId, filter.q) : undefined,
    after ? sql`(${sortColumn(filter)}, ${escalations.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
  )!;
}

const closer = alias(users, "closer");

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
  closedAs: escalations.closedAs,
  closedByName: closer.name,
  firstHumanReplyAt: escalations.firstHumanReplyAt,
  followUp: escalations.followUp,
  /** The shopper answered by email and waits for the team (cleared by the next reply). */
  shopperRepliedAt: escalations.shopperRepliedAt,
  /** The shopper's language: reply emails are written in it. */
  locale: conversations.locale,
  /** Waited unclaimed past the account's threshold (the overdue checker marked it) and still does. */
  overdue: sql<boolean>`(${escalations.overdueNotifiedAt} is not null and ${escalations.assigneeId} is null and ${escalations.closedAt} is null)`,
};

/** One page of a view, newest first, after the cursor; each row carries its own cursor. */
export async function listInbox(db: Database, params: { accountId: string; userId: string; filter: InboxFilter; limit: number; after?: InboxCursor }) {
  const column = sortColumn(params.filter);
  return db
    .select({ ...row, cursorAt: cursorText(column) })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .leftJoin(users, eq(users.id, escalations.assigneeId))
    .leftJoin(closer, eq(closer.id, escalations.closedBy))
    .where(where(params.accountId, params.userId, params.filter, params.after))
    .orderBy(desc(column), desc(escalations.id))
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
    .leftJoin(closer, eq(closer.id, escalations.closedBy))
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

/** Closes an open item; false when it was already closed. */
export async function closeInboxItem(db: Database, params: { accountId: string; escalationId: string; userId: string }) {
  const rows = await db
    .update(escalations)
    .set({ closedAt: sql`now()`, closedBy: params.userId, closedAs: "agent", updatedAt: sql`now()` })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.id, params.escalationId), isNull(escalations.closedAt)))
    .returning({ id: escalations.id });
  return rows.length > 0;
}

/** Time to first human reply: the first reply's time is kept, later replies leave it alone. */
export async function markFirstHumanReply(db: Database, params: { accountId: string; escalationId: string }) {
  await db
    .update(escalations)
    .set({ firstHumanReplyAt: sql`now()` })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.id, params.escalationId), isNull(escalations.firstHumanReplyAt)));
}
