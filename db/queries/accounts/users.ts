import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, users } from "@/db/schema/accounts";

export async function findUserByEmail(db: Database, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return rows[0] ?? null;
}

/** The user's chosen language and the active account's time zone: what a dashboard page renders with. */
export async function findDisplayPreferences(db: Database, params: { userId: string; accountId: string }) {
  const rows = await db
    .select({ locale: users.locale, timeZone: accounts.timeZone })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, params.accountId))
    .where(eq(users.id, params.userId))
    .limit(1);
  return rows[0] ?? null;
}

/** Saves the user's language (null: follow the browser). */
export async function setUserLocale(db: Database, params: { userId: string; locale: string | null }) {
  await db.update(users).set({ locale: params.locale }).where(eq(users.id, params.userId));
}
