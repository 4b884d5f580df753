import { and, arrayContains, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { claimDueJobs } from "@/db/queries/outbox";
import { webhookDeliveries, webhookEndpoints, type WebhookEndpointState } from "@/db/schema/webhooks";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
type Scope = { accountId: string; id: string };

export async function insertEndpoint(db: Database, values: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpoint> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function listEndpoints(db: Database, accountId: string): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.accountId, accountId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function findEndpoint(db: Database, scope: Scope): Promise<WebhookEndpoint | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, scope.accountId), eq(webhookEndpoints.id, scope.id)));
  return row ?? null;
}

/** The account's enabled endpoints that want this event type. */
export async function endpointsFor(db: Database, params: { accountId: string; type: string }): Promise<Array<{ id: string }>> {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, params.accountId), eq(webhookEndpoints.state, "enabled"), arrayContains(webhookEndpoints.events, [params.type])));
}

export async function setEndpointState(db: Database, scope: Scope, state: WebhookEndpointState, reason: string | null): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ state, stateReason: reason, ...(state === "enabled" ? { failingSince: null } : {}), updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.accountId, scope.accountId), eq(webhookEndpoints.id, scope.id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The new secret signs from now on; the current one keeps signing beside it until `previousExpiresAt`. */
export async function replaceSecret(db: Database, scope: Scope, secret: { ciphertext: string; keyId: string }, previousExpiresAt: Date): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({
      previousSecretCiphertext: sql`${webhookEndpoints.secretCiphertext}`,
      previousSecretKeyId: sql`${webhookEndpoints.secretKeyId}`,
      previousSecretExpiresAt: previousExpiresAt,
      secretCiphertext: secret.ciphertext,
      secretKeyId: secret.keyId,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookEndpoints.accountId, scope.accountId), eq(webhookEndpoints.id, scope.id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function deleteEndpoint(db: Database, scope: Scope): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, scope.accountId), eq(webhookEndpoints.id, scope.id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** A delivery reached its receiver: the endpoint is healthy again. */
export async function markEndpointHealthy(db: Database, id: string) {
  await db
    .update(webhookEndpoints)
    .set({ failingSince: null })
    .where(and(eq(webhookEndpoints.id, id), sql`${webhookEndpoints.failingSince} is not null`));
}

/**
 * Records a failure; pauses the endpoint when it has been failing since `pauseBefore` or earlier.
 * Returns true only for the call that paused it (one email per pause).
 */
export async function recordEndpointFailure(db: Database, params: { id: string; now: Date; pauseBefore: Date }): Promise<boolean> {
  await db
    .update(webhookEndpoints)
    .set({ failingSince: params.now })
    .where(and(eq(webhookEndpoints.id, params.id), isNull(webhookEndpoints.failingSince)));
  const paused = await db
    .update(webhookEndpoints)
    .set({ state: "paused", stateReason: "failing", updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.id, params.id), eq(webhookEndpoints.state, "enabled"), lte(webhookEndpoints.failingSince, params.pauseBefore)))
    .returning({ id: webhookEndpoints.id });
  return paused.length > 0;
}

/** A 410: the receiver says the endpoint is gone for good. */
export async function disableEndpoint(db: Database, id: string) {
  await db
    .update(webhookEndpoints)
    .set({ state: "disabled", stateReason: "gone", updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id));
}

export async function insertDeliveries(db: Database, rows: Array<typeof webhookDeliveries.$inferInsert>): Promise<WebhookDelivery[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning();
}

export async function claimDueWebhooks(
  db: Database,
  params: { limit: number; leaseMs: number; ids?: string[]; accountIds?: string[]; now?: Date },
): Promise<WebhookDelivery[]> {
  return claimDueJobs<WebhookDelivery>(db, webhookDeliveries, params);
}

type AttemptRecord = { statusCode: number | null; excerpt: string; durationMs: number | null };

/** The outcome of an attempt; only a still-queued delivery changes (a late duplicate changes nothing). */
export async function finishWebhookAttempt(
  db: Database,
  id: string,
  record: AttemptRecord,
  outcome: { status: "delivered" } | { status: "failed" } | { status: "queued"; retryAt: Date; retryUntil: Date; refundAttempt?: boolean },
) {
  const common = { lastStatusCode: record.statusCode, responseExcerpt: record.excerpt, durationMs: record.durationMs, updatedAt: sql`now()` };
  await db
    .update(webhookDeliveries)
    .set(
      outcome.status === "queued"
        ? {
            ...common,
            nextAttemptAt: outcome.retryAt,
            retryUntil: outcome.retryUntil,
            ...(outcome.refundAttempt ? { attempts: sql`greatest(${webhookDeliveries.attempts} - 1, 0)` } : {}),
          }
        : { ...common, status: outcome.status, ...(outcome.status === "delivered" ? { deliveredAt: sql`now()` } : {}) },
    )
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "queued")));
}

/** Resend: due again at once with a fresh retry window, the same event id. */
export async function requeueDelivery(db: Database, scope: Scope): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "queued", nextAttemptAt: sql`now()`, retryUntil: null, updatedAt: sql`now()` })
    .where(and(eq(webhookDeliveries.accountId, scope.accountId), eq(webhookDeliveries.id, scope.id)))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

export async function findDelivery(db: Database, scope: Scope): Promise<WebhookDelivery | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.accountId, scope.accountId), eq(webhookDeliveries.id, scope.id)));
  return row ?? null;
}

/** An endpoint's newest deliveries, within the account. */
export async function listDeliveries(db: Database, params: { accountId: string; endpointId: string; limit: number }): Promise<WebhookDelivery[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.accountId, params.accountId), eq(webhookDeliveries.endpointId, params.endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(params.limit);
}

/** When the soonest queued delivery is due (null when none is queued). */
export async function nextDueWebhookAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${webhookDeliveries.nextAttemptAt})` })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.status, "queued"));
  return row?.at ? new Date(row.at) : null;
}
