import type { Database } from "@/db/client";
import { countKnowledge, countSynonyms, insertKnowledge, insertSynonyms } from "@/db/queries/knowledge";
import type { DemoStory } from "@/db/seed-stories";

/** A demo store's knowledge entries (with their variants) and synonym groups, once. */
export async function seedStoryKnowledge(db: Database, params: { accountId: string; story: DemoStory }) {
  const { accountId, story } = params;
  if ((await countKnowledge(db, accountId)) === 0) {
    await insertKnowledge(
      db,
      story.knowledge.map((k) => ({ question: k.question, answer: k.answer, variants: [...(k.variants ?? [])], locale: story.locale, accountId })),
    );
  }
  if ((await countSynonyms(db, accountId, story.locale)) === 0) {
    await insertSynonyms(
      db,
      story.synonyms.map((words) => ({ words: [...words], locale: story.locale, accountId })),
    );
  }
}
