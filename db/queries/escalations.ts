import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { escalations, idempotencyKeys } from "@/db/schema/escalations";
import { claimDueJobs } from "@/db/queries/outbox";

// Escalations: a conversation handed to the team. The row is also its delivery job (an outbox):
// queued rows are claimed with a lease until the destination has the ticket.

export type Escalation = typeof escalations.$inferSelect;

export async function insertEscalation(db: Database, values: typeof escalations.$inferInsert) {
  const [row] = await db.insert(escalations).values(values).returning();
  return row!;
}

export async function findEscalationOfConversation(db: Database, params: { accountId: string; conversationId: string }) {
  const rows = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.conversationId, params.conversationId)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Claims an Idempotency-Key inside the caller's transaction. Returns null when this request is
 * the first (it then must store its answer), or the earlier request's row otherwise; a
 * concurrent first request makes this wait until it commits.
 */
export async function claimIdempotencyKey(db: Database, params: { accountId: string; key: string; requestHash: string }) {
  const inserted = await db.insert(idempotencyKeys).values(params).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return null;
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.accountId, params.accountId), eq(idempotencyKeys.key, params.key)));
  return rows[0] ?? null;
}

export async function storeIdempotentResponse(db: Database, params: { accountId: string; key: string; status: number; body: unknown }) {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: params.status, responseBody: params.body })
    .where(and(eq(idempotencyKeys.accountId, params.accountId), eq(idempotencyKeys.key, params.key)));
}

/**
 * Claims up to `limit` due forwarding jobs. Rows locked by another worker are skipped, and a
 * claimed job is leased: its next attempt time moves past the lease, so if this worker dies
 * mid-delivery the job becomes due again when the lease ends. Each claim counts an attempt.
 */
export async function claimDueEscalations(
  db: Database,
  params: { limit: number; leaseMs: number; ids?: string[]; accountIds?: string[]; now?: Date },
): Promise<Escalation[]> {
  return claimDueJobs<Escalation>(db, escalations, params);
}

/**
 * A failed forward sent again leaves Baton Inbox if the helpdesk takes it: marked "forwarded" now,
 * closed by its delivery (markDelivered). One an agent already closed keeps that close.
 */
export const forwardedIfFailed = sql`case when ${escalations.status} = 'failed' and ${escalations.closedAt} is null then 'forwarded'::inbox_closed_as else ${escalations.closedAs} end`;

/** Records a delivered ticket; only a still-queued job changes (a late duplicate changes nothing). */
export async function markDelivered(db: Database, id: string, ticket: { id: string; url: string }) {
  const rows = await db
    .update(escalations)
    .set({
      status: "delivered",
      claimedUntil: null,
      externalTicketId: ticket.id,
      externalUrl: ticket.url,
      lastError: null,
      deliveredAt: sql`now()`,
      closedAt: sql`case when ${escalations.closedAs} = 'forwarded' then now() else ${escalations.closedAt} end`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(escalations.id, id), eq(escalations.status, "queued")))
    .returning({ id: escalations.id });
  return rows.length > 0;
}

export async function scheduleRetry(db: Database, id: string, params: { at: Date; lastError: string | null; refundAttempt?: boolean; retryUntil?: Date }) {
  await db
    .update(escalations)
    .set({
      nextAttemptAt: params.at,
      claimedUntil: null,
      lastError: params.lastError,
      ...(params.retryUntil ? { retryUntil: params.retryUntil } : {}),
      ...(params.refundAttempt ? { attempts: sql`greatest(${escalations.attempts} - 1, 0)` } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(escalations.id, id), eq(escalations.status, "queued")));
}

/** Gives up on forwarding: the escalation stays visible in Baton Inbox as "forwarding failed". */
export async function markFailed(db: Database, id: string, lastError: string) {
  const rows = await db
    .update(escalations)
    .set({ status: "failed", claimedUntil: null, lastError, updatedAt: sql`now()` })
    .where(and(eq(escalations.id, id), eq(escalations.status, "queued")))
    .returning({ id: escalations.id });
  return rows.length > 0;
}

/**
 * The merchant's "Retry now": a failed or waiting job becomes due at once, with a new retry
 * window. A job a worker holds right now (claimed, its lease running, no result yet) is left
 * alone: `busy`, so no second attempt runs beside it.
 */
export async function requeueNow(db: Database, params: { accountId: string; id: string; now?: Date }): Promise<"requeued" | "busy" | null> {
  const now = params.now ?? new Date();
  const rows = await db
    .update(escalations)
    .set({ status: "queued", closedAs: forwardedIfFailed, nextAttemptAt: now, retryUntil: null, updatedAt: now })
    .where(
      and(
        eq(escalations.accountId, params.accountId),
        eq(escalations.id, params.id),
        or(eq(escalations.status, "failed"), and(eq(escalations.status, "queued"), notInFlight(now))),
      ),
    )
    .returning({ id: escalations.id });
  if (rows.length > 0) return "requeued";
  const [row] = await db
    .select({ status: escalations.status })
    .from(escalations)
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.id, params.id)));
  return row && row.status === "queued" ? "busy" : null;
}

/** Not held by a worker: no claim whose lease is still running (a dead worker's lease runs out). */
const notInFlight = (now: Date) => or(isNull(escalations.claimedUntil), lte(escalations.claimedUntil, now));

/** When the soonest queued job is due (null when none is queued). */
export async function nextDueEscalationAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${escalations.nextAttemptAt})` })
    .from(escalations)
    .where(eq(escalations.status, "queued"));
  return row?.at ? new Date(row.at) : null;
}
