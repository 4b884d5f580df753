import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { destinationCodes } from "@/db/schema/helpdesk-connections";

type Key = { accountId: string; provider: string };
const where = (key: Key) => and(eq(destinationCodes.accountId, key.accountId), eq(destinationCodes.provider, key.provider));

/** Stores a new code for the account's destination, replacing any earlier one (and its failed guesses). */
export async function replaceDestinationCode(db: Database, values: Key & { address: string; codeHash: string; expiresAt: Date; requestedBy: string | null }) {
  const { accountId: _a, provider: _p, ...changes } = values;
  await db
    .insert(destinationCodes)
    .values(values)
    .onConflictDoUpdate({ target: [destinationCodes.accountId, destinationCodes.provider], set: { ...changes, failedAttempts: 0, createdAt: sql`now()` } });
}

export async function findDestinationCode(db: Database, key: Key) {
  const rows = await db.select().from(destinationCodes).where(where(key)).limit(1);
  return rows[0] ?? null;
}

/** Counts a wrong guess; returns how many there have been. */
export async function countFailedCode(db: Database, key: Key): Promise<number> {
  const rows = await db
    .update(destinationCodes)
    .set({ failedAttempts: sql`${destinationCodes.failedAttempts} + 1` })
    .where(where(key))
    .returning({ n: destinationCodes.failedAttempts });
  return rows[0]?.n ?? 0;
}

export async function deleteDestinationCode(db: Database, key: Key) {
  await db.delete(destinationCodes).where(where(key));
}
