import { and, asc, eq } from "drizzle-orm";
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
