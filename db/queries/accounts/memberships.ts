import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, memberships, type Role } from "@/db/schema/accounts";

export type MembershipView = { accountId: string; accountName: string; role: Role };

const view = { accountId: accounts.id, accountName: accounts.name, role: memberships.role };

/** The user's membership of one account, or null when they do not belong to it. */
export async function findMembership(db: Database, params: { userId: string; accountId: string }): Promise<MembershipView | null> {
  const rows = await db
    .select(view)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, params.userId), eq(memberships.accountId, params.accountId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Every account the user belongs to, by name. */
export async function listMemberships(db: Database, params: { userId: string }): Promise<MembershipView[]> {
  return db
    .select(view)
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, params.userId))
    .orderBy(asc(accounts.name), asc(accounts.id));
}

export async function findAccountName(db: Database, accountId: string): Promise<string | null> {
  const rows = await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return rows[0]?.name ?? null;
}
