import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { shopperIdentity } from "@/db/schema/shopper-identity";

export type ShopperIdentityRow = typeof shopperIdentity.$inferSelect;

export async function findShopperIdentity(db: Database, accountId: string): Promise<ShopperIdentityRow | null> {
  const rows = await db.select().from(shopperIdentity).where(eq(shopperIdentity.accountId, accountId)).limit(1);
  return rows[0] ?? null;
}

/** Replaces the account's identity secret (the previous one stops verifying at once). */
export async function storeIdentitySecret(db: Database, params: { accountId: string; secretSealed: string; secretKeyId: string; secretHint: string }) {
  const values = { ...params, rotatedAt: new Date() };
  await db.insert(shopperIdentity).values(values).onConflictDoUpdate({ target: shopperIdentity.accountId, set: values });
}

export async function storeUnverifiedHandoff(db: Database, params: { accountId: string; unverifiedHandoff: "email" | "message" }) {
  await db
    .insert(shopperIdentity)
    .values(params)
    .onConflictDoUpdate({ target: shopperIdentity.accountId, set: { unverifiedHandoff: params.unverifiedHandoff } });
}
