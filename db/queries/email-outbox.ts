import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailOutbox } from "@/db/schema/email-outbox";
import { claimDueJobs } from "@/db/queries/outbox";

export type OutboxEmail = typeof emailOutbox.$inferSelect;

export async function insertOutboxEmail(db: Database, values: typeof emailOutbox.$inferInsert): Promise<OutboxEmail> {
  const [row] = await db.insert(emailOutbox).values(values).returning();
  return row!;
}

/**
 * Claims up to `limit` due emails, skipping rows another worker holds. A claimed email is leased
 * (its next attempt moves past the lease) so a worker that dies mid-send hands it back; each
 * claim counts an attempt.
 */
export async function claimDueEmails(
  db: Database,
  params: { limit: number; leaseMs: number; ids?: string[]; accountIds?: string[]; now?: Date },
): Promise<OutboxEmail[]> {
  return claimDueJobs<OutboxEmail>(db, emailOutbox, params);
}

/** The outcome of an attempt; only a still-queued email changes (a late duplicate changes nothing). */
export async function finishEmailAttempt(
  db: Database,
  id: string,
  outcome: { status: "sent" } | { status: "failed"; lastError: string } | { status: "queued"; lastError: string; retryAt: Date },
) {
  await db
    .update(emailOutbox)
    .set(
      outcome.status === "sent"
        ? { status: "sent", sentAt: sql`now()`, lastError: null, updatedAt: sql`now()` }
        : {
            status: outcome.status,
            lastError: outcome.lastError,
            ...(outcome.status === "queued" ? { nextAttemptAt: outcome.retryAt } : {}),
            updatedAt: sql`now()`,
          },
    )
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "queued")));
}

/** An agent's "Retry": a failed email is due again at once. */
export async function requeueEmail(db: Database, params: { accountId: string; id: string }) {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "queued", nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(emailOutbox.accountId, params.accountId), eq(emailOutbox.id, params.id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

export async function listConversationEmails(db: Database, params: { accountId: string; conversationId: string }) {
  return db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.accountId, params.accountId), eq(emailOutbox.conversationId, params.conversationId)))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
}

/** When the soonest queued job is due (null when none is queued). */
export async function nextDueEmailAt(db: Database): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${emailOutbox.nextAttemptAt})` })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "queued"));
  return row?.at ? new Date(row.at) : null;
}
