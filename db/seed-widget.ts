import type { Database } from "@/db/client";
import { addOrigin } from "@/db/queries/widget-keys";
import { seedStoryKnowledge } from "@/db/seed-knowledge";
import type { DemoStory } from "@/db/seed-stories";
import { ensureKeys, rotateKey } from "@/lib/services/widget-keys";
import { findShopperIdentity } from "@/db/queries/shopper-identity";
import { env } from "@/lib/env";
import { issueIdentitySecret } from "@/lib/services/shopper-identity";

/**
 * A demo store's widget: its keys, the origins its storefront is served from (the Baton server's
 * own, on whatever port it runs), and the knowledge the built-in answerer uses, in the story's
 * language. Idempotent.
 */
export async function seedDemoWidget(db: Database, params: { accountId: string; origins: string[]; story: DemoStory }) {
  await ensureKeys(db, params.accountId);
  for (const origin of params.origins) await addOrigin(db, { accountId: params.accountId, origin });
  // The demo store signs its demo shopper: it needs an identity secret (sealed, so only where an
  // encryption key is configured, as `npm run demo` and `npm run dev` always do).
  if (env().BATON_ENCRYPTION_KEY && !(await findShopperIdentity(db, params.accountId))?.secretSealed) {
    await issueIdentitySecret(db, params.accountId);
  }
  await seedStoryKnowledge(db, { accountId: params.accountId, story: params.story });
}

/** The origins a Baton server on this port is reached from locally. */
export const localOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/**
 * `npm run demo`: a fresh secret key for Demo Store, printed so `POST /escalations` (server to
 * server) can be tried. Secret keys are stored only hashed, so each start issues a new one.
 */
export async function issueDemoSecretKey(db: Database, accountId: string): Promise<string> {
  return rotateKey(db, { accountId, kind: "secret" });
}
