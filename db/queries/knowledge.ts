import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { knowledgeEntries } from "@/db/schema/knowledge";

/**
 * The entry that best covers a shopper's question: `coverage` is the share of the question's
 * words found in the entry's question or answer, both read with the entry's language (its
 * stemmer, stop words dropped, accents ignored: baton_text_search_config), so a Portuguese
 * question matches Portuguese entries. Ties go to entries in the conversation's language, then
 * to the higher ts_rank. The caller applies the confidence threshold.
 */
export async function bestKnowledgeMatch(db: Database, params: { accountId: string; text: string; locale: string }) {
  const config = sql`baton_text_search_config(${knowledgeEntries.locale})`;
  const lexemes = sql`coalesce(array(select unnest(tsvector_to_array(to_tsvector(${config}, ${params.text})))), '{}')`;
  const coverage = sql<number>`(select count(*) from unnest(${lexemes}) l where ${knowledgeEntries.search} @@ plainto_tsquery('simple', l))::float / greatest(cardinality(${lexemes}), 1)`;
  const sameLanguage = sql<boolean>`${knowledgeEntries.locale} = ${params.locale}`;
  const rank = sql<number>`ts_rank(${knowledgeEntries.search}, plainto_tsquery(${config}, ${params.text}))`;
  const rows = await db
    .select({ id: knowledgeEntries.id, question: knowledgeEntries.question, answer: knowledgeEntries.answer, coverage, rank })
    .from(knowledgeEntries)
    .where(eq(knowledgeEntries.accountId, params.accountId))
    .orderBy(desc(coverage), desc(sameLanguage), desc(rank))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertKnowledge(db: Database, values: Array<typeof knowledgeEntries.$inferInsert>) {
  if (values.length > 0) await db.insert(knowledgeEntries).values(values);
}

export async function countKnowledge(db: Database, accountId: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(knowledgeEntries).where(eq(knowledgeEntries.accountId, accountId));
  return row?.n ?? 0;
}
