import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";

/** The account's IANA time zone: the overview's days are its local days. */
export async function findAccountTimeZone(db: Database, accountId: string): Promise<string | null> {
  const [row] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.timeZone ?? null;
}

/** What the overview needs of the account: its time zone and durable resolution's window. */
export async function findOverviewAccount(
  db: Database,
  accountId: string,
): Promise<{ timeZone: string; locale: string; resolutionWindowHours: number } | null> {
  const [row] = await db
    .select({ timeZone: accounts.timeZone, locale: accounts.locale, resolutionWindowHours: accounts.resolutionWindowHours })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1)
    .prepare("overview_account")
    .execute();
  return row ?? null;
}
