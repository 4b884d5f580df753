import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema/accounts";
import { widgetKeys, widgetOrigins } from "@/db/schema/widget-keys";

export async function findActiveKeyByHash(db: Database, keyHash: string) {
  const rows = await db
    .select({ accountId: widgetKeys.accountId, kind: widgetKeys.kind })
    .from(widgetKeys)
    .where(and(eq(widgetKeys.keyHash, keyHash), isNull(widgetKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** The account's keys as the dashboard shows them (secret keys only by their first characters). */
export async function listActiveKeys(db: Database, accountId: string) {
  return db
    .select({ id: widgetKeys.id, kind: widgetKeys.kind, display: widgetKeys.display, createdAt: widgetKeys.createdAt })
    .from(widgetKeys)
    .where(and(eq(widgetKeys.accountId, accountId), isNull(widgetKeys.revokedAt)));
}

/** Demo storefront: the publishable key of an account found by slug. */
export async function getPublishableKeyForSlug(db: Database, slug: string): Promise<string | null> {
  const rows = await db
    .select({ display: widgetKeys.display })
    .from(widgetKeys)
    .innerJoin(accounts, eq(accounts.id, widgetKeys.accountId))
    .where(and(eq(accounts.slug, slug), eq(widgetKeys.kind, "publishable"), isNull(widgetKeys.revokedAt)))
    .limit(1);
  return rows[0]?.display ?? null;
}

export async function listOrigins(db: Database, accountId: string): Promise<string[]> {
  const rows = await db.select({ origin: widgetOrigins.origin }).from(widgetOrigins).where(eq(widgetOrigins.accountId, accountId));
  return rows.map((r) => r.origin).sort();
}

export async function isOriginAllowed(db: Database, params: { accountId: string; origin: string }) {
  const rows = await db
    .select({ origin: widgetOrigins.origin })
    .from(widgetOrigins)
    .where(and(eq(widgetOrigins.accountId, params.accountId), eq(widgetOrigins.origin, params.origin)))
    .limit(1);
  return rows.length > 0;
}

/** Preflight requests carry no key, so they are answered for origins some account allows. */
export async function isOriginKnown(db: Database, origin: string) {
  const rows = await db.select({ origin: widgetOrigins.origin }).from(widgetOrigins).where(eq(widgetOrigins.origin, origin)).limit(1);
  return rows.length > 0;
}

export async function addOrigin(db: Database, params: { accountId: string; origin: string }) {
  await db.insert(widgetOrigins).values(params).onConflictDoNothing();
}

export async function removeOrigin(db: Database, params: { accountId: string; origin: string }) {
  await db.delete(widgetOrigins).where(and(eq(widgetOrigins.accountId, params.accountId), eq(widgetOrigins.origin, params.origin)));
}

/** Revokes the account's key of that kind and stores its successor, in one transaction: one key of each kind works at a time. */
export async function replaceKey(db: Database, values: { accountId: string; kind: "publishable" | "secret"; keyHash: string; display: string }) {
  await db.transaction(async (tx) => {
    await tx
      .update(widgetKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(widgetKeys.accountId, values.accountId), eq(widgetKeys.kind, values.kind), isNull(widgetKeys.revokedAt)));
    await tx.insert(widgetKeys).values(values);
  });
}

export async function listActiveKeyKinds(db: Database, accountId: string) {
  const rows = await db
    .select({ kind: widgetKeys.kind })
    .from(widgetKeys)
    .where(and(eq(widgetKeys.accountId, accountId), isNull(widgetKeys.revokedAt)));
  return rows.map((r) => r.kind);
}
