import type { Database } from "@/db/client";
import { addOrigin } from "@/db/queries/widget-keys";
import { countKnowledge, insertKnowledge } from "@/db/queries/knowledge";
import type { DemoStory } from "@/db/seed-stories";
import { ensureKeys } from "@/lib/services/widget-keys";

/**
 * A demo store's widget: its keys, the origins its storefront is served from (the Baton server's
 * own, on whatever port it runs), and the knowledge the built-in answerer uses, in the story's
 * language. Idempotent.
 */
export async function seedDemoWidget(db: Database, params: { accountId: string; origins: string[]; story: DemoStory }) {
  await ensureKeys(db, params.accountId);
  for (const origin of params.origins) await addOrigin(db, { accountId: params.accountId, origin });
  if ((await countKnowledge(db, params.accountId)) === 0) {
    await insertKnowledge(db, params.story.knowledge.map((k) => ({ ...k, locale: params.story.locale, accountId: params.accountId })));
  }
}

/** The origins a Baton server on this port is reached from locally. */
export const localOrigins = (port: number) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
