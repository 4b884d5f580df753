import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { outboxAttempts } from "@/db/schema/outbox";

export type OutboxAttempt = typeof outboxAttempts.$inferSelect;

export async function logOutboxAttempt(db: Database, values: Omit<typeof outboxAttempts.$inferInsert, "id" | "at">) {
  await db.insert(outboxAttempts).values(values);
}

/** One job's attempts, oldest first, within the account. */
export async function listOutboxAttempts(db: Database, params: { accountId: string; kind: string; jobId: string }): Promise<OutboxAttempt[]> {
  return db
    .select()
    .from(outboxAttempts)
    .where(and(eq(outboxAttempts.accountId, params.accountId), eq(outboxAttempts.kind, params.kind), eq(outboxAttempts.jobId, params.jobId)))
    .orderBy(asc(outboxAttempts.id));
}

/** A table that is an outbox queue: a queued row is a job, due when `nextAttemptAt` has come. */
type OutboxTable = PgTable & {
  id: PgColumn;
  accountId: PgColumn;
  status: PgColumn;
  nextAttemptAt: PgColumn;
  attempts: PgColumn;
  updatedAt: PgColumn;
  claimedUntil?: PgColumn;
};

/**
 * The one claim behind every outbox queue: up to `limit` due jobs (or the given ids, if due),
 * skipping rows another worker holds (SKIP LOCKED). A claimed job is leased, its next attempt
 * moved past the lease, so a worker that dies mid-attempt hands it back; each claim counts an
 * attempt. `accountIds` limits the claim to those accounts' jobs (processes sharing a database with
 * others', as test files do). `now` is the caller's clock: retry times are computed in the process.
 */
export async function claimDueJobs<Row>(
  db: Database,
  table: OutboxTable,
  params: { limit: number; leaseMs: number; ids?: string[]; accountIds?: string[]; now?: Date },
): Promise<Row[]> {
  const now = params.now ?? new Date();
  const until = new Date(now.getTime() + params.leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.status, "queued"),
          lte(table.nextAttemptAt, now),
          params.ids ? inArray(table.id, params.ids) : undefined,
          params.accountIds ? inArray(table.accountId, params.accountIds) : undefined,
        ),
      )
      .orderBy(asc(table.nextAttemptAt))
      .limit(params.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const lease = { nextAttemptAt: until, attempts: sql`${table.attempts} + 1`, updatedAt: sql`now()`, ...(table.claimedUntil ? { claimedUntil: until } : {}) };
    const claimed = await tx
      .update(table)
      .set(lease as never)
      .where(
        inArray(
          table.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    return claimed as Row[];
  });
}
