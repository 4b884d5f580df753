import { and, asc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users } from "@/db/schema/accounts";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { DEFAULT_OVERDUE_AFTER_SECONDS, inboxAlertSettings } from "@/db/schema/notifications";

const inBatonInbox = eq(escalations.destination, "baton_inbox");
/** Unclaimed and open, the only handoffs that can become overdue. */
const waiting = and(inBatonInbox, eq(escalations.status, "in_inbox"), isNull(escalations.assigneeId), isNull(escalations.closedAt));

/** The account's threshold in seconds (the default until an admin saves one). */
export async function findOverdueAfterSeconds(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ seconds: inboxAlertSettings.overdueAfterSeconds })
    .from(inboxAlertSettings)
    .where(eq(inboxAlertSettings.accountId, accountId))
    .limit(1);
  return row?.seconds ?? DEFAULT_OVERDUE_AFTER_SECONDS;
}

export async function writeOverdueAfterSeconds(db: Database, params: { accountId: string; userId: string; seconds: number }) {
  await db
    .insert(inboxAlertSettings)
    .values({ accountId: params.accountId, overdueAfterSeconds: params.seconds, updatedBy: params.userId })
    .onConflictDoUpdate({
      target: inboxAlertSettings.accountId,
      set: { overdueAfterSeconds: params.seconds, updatedBy: params.userId, updatedAt: sql`now()` },
    });
}

/** Baton Inbox handoffs created since `since` whose deadline is not fixed yet, oldest first. */
export async function listPickupPending(db: Database, params: { since: Date; limit: number; accountIds?: string[] }) {
  return db
    .select({ id: escalations.id, accountId: escalations.accountId, createdAt: escalations.createdAt })
    .from(escalations)
    .where(
      and(
        isNull(escalations.pickupDueAt),
        inBatonInbox,
        gte(escalations.createdAt, params.since),
        params.accountIds ? inArray(escalations.accountId, params.accountIds) : undefined,
      ),
    )
    .orderBy(asc(escalations.createdAt))
    .limit(params.limit);
}

/** Fixes a handoff's deadline once (two checkers compute the same value; the first one wins). */
export async function setPickupDue(db: Database, params: { id: string; dueAt: Date }) {
  await db
    .update(escalations)
    .set({ pickupDueAt: params.dueAt })
    .where(and(eq(escalations.id, params.id), isNull(escalations.pickupDueAt)));
}

export type OverdueHandoff = { id: string; accountId: string; conversationId: string; createdAt: Date; pickupDueAt: Date | null; reason: string | null };

/**
 * Claims up to `limit` handoffs still waiting past their deadline: the statement that marks them
 * (overdue_notified_at) is the claim, so of two checkers only one gets each handoff, and a marked
 * handoff is never claimed again. SKIP LOCKED keeps a second checker from waiting on the first.
 */
export async function claimOverdueHandoffs(db: Database, params: { now: Date; limit: number; accountIds?: string[] }): Promise<OverdueHandoff[]> {
  const due = db
    .select({ id: escalations.id })
    .from(escalations)
    .where(
      and(
        waiting,
        isNull(escalations.overdueNotifiedAt),
        lte(escalations.pickupDueAt, params.now),
        params.accountIds ? inArray(escalations.accountId, params.accountIds) : undefined,
      ),
    )
    .orderBy(asc(escalations.pickupDueAt))
    .limit(params.limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(escalations)
    .set({ overdueNotifiedAt: params.now, updatedAt: sql`now()` })
    .where(and(inArray(escalations.id, due), isNull(escalations.overdueNotifiedAt), waiting))
    .returning({
      id: escalations.id,
      accountId: escalations.accountId,
      conversationId: escalations.conversationId,
      createdAt: escalations.createdAt,
      pickupDueAt: escalations.pickupDueAt,
    });
  if (claimed.length === 0) return [];
  const reasons = await db
    .select({ id: conversations.id, reason: conversations.reason })
    .from(conversations)
    .where(
      inArray(
        conversations.id,
        claimed.map((c) => c.conversationId),
      ),
    );
  const reasonOf = new Map(reasons.map((r) => [r.id, r.reason]));
  return claimed.map((c) => ({ ...c, reason: reasonOf.get(c.conversationId) ?? null }));
}

/** Gives a claim back (no email could be sent), so a later check tries again. */
export async function releaseOverdueHandoff(db: Database, id: string) {
  await db.update(escalations).set({ overdueNotifiedAt: null }).where(eq(escalations.id, id));
}

/** When the checker next has work: now if a deadline is to be fixed, else the soonest deadline. */
export async function nextOverdueCheckAt(db: Database, params: { since: Date }): Promise<Date | null> {
  const [pending] = await db
    .select({ id: escalations.id })
    .from(escalations)
    .where(and(isNull(escalations.pickupDueAt), inBatonInbox, gte(escalations.createdAt, params.since)))
    .limit(1);
  if (pending) return new Date();
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${escalations.pickupDueAt})` })
    .from(escalations)
    .where(and(waiting, isNull(escalations.overdueNotifiedAt)));
  return row?.at ? new Date(row.at) : null;
}

/** Who is emailed about a waiting shopper: every member of the account (any role works the inbox). */
export async function listInboxRecipients(db: Database, accountId: string): Promise<Array<{ email: string; locale: string | null }>> {
  return db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(users.email));
}
