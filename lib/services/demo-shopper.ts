import "server-only";
import type { Database } from "@/db/client";
import { findAccountIdBySlug } from "@/db/queries/accounts";
import { identitySecretFor, signShopperIdentity } from "@/lib/services/shopper-identity";

/** The demo storefront's signed-in shopper, as the store's own server knows them. */
export const DEMO_SHOPPER = { email: "sam.shopper@example.com", profileId: "01GDDKASAP8TKDDA2GRZDSVP4H", name: "Sam" };

/**
 * What a merchant's server does on each page view: signs its signed-in shopper with the account's
 * identity secret (HS256, ten minutes). Null when Demo Store has no secret yet.
 */
export async function signDemoShopper(db: Database): Promise<string | null> {
  const accountId = await findAccountIdBySlug(db, "demo-store");
  const secret = accountId ? await identitySecretFor(db, accountId) : null;
  return secret ? signShopperIdentity(secret, DEMO_SHOPPER) : null;
}
