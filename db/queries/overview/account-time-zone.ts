import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";

/** The account's IANA time zone: the overview's days are its local days. */
export async function findAccountTimeZone(db: Database, accountId: string): Promise<string | null> {
  const [row] = await db.select({ timeZone: accounts.timeZone }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.timeZone ?? null;
}

/** What the overview needs of the account: its time zone, language, durable resolution's window and knowledge version. */
export async function findOverviewAccount(
  db: Database,
  accountId: string,
): Promise<{ timeZone: string; locale: string; resolutionWindowHours: number; knowledgeVersion: number } | null> {
  const [row] = await db
    .select({
      timeZone: accounts.timeZone,
      locale: accounts.locale,
      resolutionWindowHours: accounts.resolutionWindowHours,
      knowledgeVersion: accounts.knowledgeVersion,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1)
    .prepare("overview_account")
    .execute();
  return row ?? null;
}
