import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";

export type AccountLanguages = { locale: string; shopperLocale: string | null };

/** The account's language and its default shopper language (null: automatic, the account's). */
export async function findAccountLanguages(db: Database, accountId: string): Promise<AccountLanguages | null> {
  const [row] = await db.select({ locale: accounts.locale, shopperLocale: accounts.shopperLocale }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row ?? null;
}

export async function updateAccountLanguages(db: Database, accountId: string, values: AccountLanguages): Promise<void> {
  await db.update(accounts).set(values).where(eq(accounts.id, accountId));
}
