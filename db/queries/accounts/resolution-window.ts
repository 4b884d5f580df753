import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";

export async function findResolutionWindowHours(db: Database, accountId: string): Promise<number | null> {
  const [row] = await db.select({ hours: accounts.resolutionWindowHours }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.hours ?? null;
}

/**
 * A new window changes which resolutions were followed by a handoff: every flag of the account is
 * recomputed in the same transaction (migration 0022's function), and the overview's day rows
 * follow through their triggers.
 */
export async function updateResolutionWindowHours(db: Database, params: { accountId: string; hours: number }) {
  await db.update(accounts).set({ resolutionWindowHours: params.hours }).where(eq(accounts.id, params.accountId));
  await db.execute(sql`select overview_refresh_account_handed_off_later(${params.accountId})`);
}
