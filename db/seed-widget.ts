import type { Database } from "@/db/client";
import { addOrigin } from "@/db/queries/widget-keys";
import { countKnowledge, insertKnowledge } from "@/db/queries/knowledge";
import { ensureKeys, rotateKey } from "@/lib/services/widget-keys";
import { findShopperIdentity } from "@/db/queries/shopper-identity";
import { env } from "@/lib/env";
import { issueIdentitySecret } from "@/lib/services/shopper-identity";

/** What the demo Customer Agent knows about Demo Store. */
export const demoKnowledge = [
  { question: "How long does shipping take?", answer: "Orders ship within 1 business day and arrive in 3–5 business days in the US. You'll get a tracking link by email as soon as your order ships." },
  { question: "What is your return policy?", answer: "You can return unworn items within 30 days of delivery for a full refund. Start a return from the link in your order confirmation email." },
  { question: "Do you ship internationally?", answer: "Yes, we ship to 40 countries. International orders arrive in 7–14 business days; duties are calculated at checkout." },
  { question: "How can I track my order?", answer: "Use the tracking link in your shipping confirmation email, or sign in to your account and open Orders." },
  { question: "What sizes do you offer?", answer: "Our shoes come in EU sizes 36 to 47, including half sizes. The size guide on each product page has foot-length measurements." },
  { question: "Which payment methods do you accept?", answer: "We accept Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay." },
];

/**
 * Demo Store's widget: its keys, the origins its storefront is served from (the Baton server's
 * own, on whatever port it runs), and the knowledge the built-in answerer uses. Idempotent.
 */
export async function seedDemoWidget(db: Database, params: { accountId: string; origins: string[] }) {
  await ensureKeys(db, params.accountId);
  for (const origin of params.origins) await addOrigin(db, { accountId: params.accountId, origin });
  // The demo store signs its demo shopper: it needs an identity secret (sealed, so only where an
  // encryption key is configured, as `npm run demo` and `npm run dev` always do).
  if (env().BATON_ENCRYPTION_KEY && !(await findShopperIdentity(db, params.accountId))?.secretSealed) {
    await issueIdentitySecret(db, params.accountId);
  }
  if ((await countKnowledge(db, params.accountId)) === 0) {
    await insertKnowledge(db, demoKnowledge.map((k) => ({ ...k, accountId: params.accountId })));
  }
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
