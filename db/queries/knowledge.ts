import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { knowledgeEntries, knowledgeSynonyms } from "@/db/schema/knowledge";

// postgres.js returns an array, PGlite an object with rows.
const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** Each word read by a language's text search configuration: its lexemes, in order (none for a stop word). */
export async function analyseWords(db: Database, params: { locale: string; words: string[] }): Promise<string[][]> {
  if (params.words.length === 0) return [];
  const result = await db.execute(sql`
    select tsvector_to_array(to_tsvector(baton_text_search_config(${params.locale}), w.word)) as lexemes
    from unnest(${textArray(params.words)}) with ordinality w(word, i) order by w.i`);
  return rowsOf<{ lexemes: string[] }>(result).map((r) => r.lexemes);
}

/** Which of these languages an account has live entries in (one index probe each). */
export async function knowledgeLocales(db: Database, accountId: string, locales: readonly string[]) {
  // One probe per language as its own subquery, so each is planned for its value (a parameter
  // from unnest would be planned as "any language" and scan the account's entries).
  const probes = locales.map(
    (l) =>
      sql`select ${l}::text as locale where exists (select 1 from ${knowledgeEntries} e where e.account_id = ${accountId} and e.locale = ${l} and e.enabled and e.status = 'published')`,
  );
  const result = await db.execute(sql.join(probes, sql` union all `));
  return rowsOf<{ locale: string }>(result).map((r) => r.locale);
}

/** The account's synonym groups in a language, each word with its lexemes, first words first. */
export async function synonymLexemes(db: Database, params: { accountId: string; locale: string }) {
  const result = await db.execute(sql`
    select s.id, m.word, tsvector_to_array(to_tsvector(baton_text_search_config(s.locale), m.word)) as lexemes
    from ${knowledgeSynonyms} s, unnest(s.words) with ordinality m(word, ord)
    where s.account_id = ${params.accountId} and s.locale = ${params.locale} order by s.created_at, s.id, m.ord`);
  return rowsOf<{ id: string; word: string; lexemes: string[] }>(result);
}

export type KnowledgeCandidate = { id: string; question: string; variants: string[]; answer: string; link: string | null; locale: string };

const quoted = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;
const anyOf = (group: string[]) => `(${group.map(quoted).join(" | ")})`;

/**
 * The live entries of one language whose question or variants share lexemes with the question
 * (`search`). `groups` are the question's words, each with its synonyms. Entries sharing two of
 * them are read first, and only when fewer than `limit` do entries sharing one. Either way in
 * the order of the index (account, language, lexeme_count), shortest first, stopping at `limit`:
 * a common word ("order") shared by thousands of entries costs no more than a rare one, and a
 * short phrasing is the one a short question can cover. The caller scores the candidates.
 */
export async function knowledgeCandidates(
  db: Database,
  params: { accountId: string; locale: string; groups: string[][]; limit: number },
): Promise<KnowledgeCandidate[]> {
  const groups = params.groups.filter((g) => g.length > 0).slice(0, 12);
  if (groups.length === 0) return [];
  const pairs: string[] = [];
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) pairs.push(`(${anyOf(groups[i]!)} & ${anyOf(groups[j]!)})`);
  const read = async (tsquery: string, limit: number, except: string[]) => {
    const query = sql`to_tsquery('simple', ${tsquery})`;
    const skip = except.length
      ? sql` and e.id <> all(${sql`array[${sql.join(
          except.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]`})`
      : sql``;
    const result = await db.execute(sql`
      select e.id, e.question, e.variants, e.answer, e.link, e.locale from ${knowledgeEntries} e
      where e.account_id = ${params.accountId} and e.locale = ${params.locale} and e.enabled and e.status = 'published' and e.search @@ ${query}${skip}
      order by e.lexeme_count, ts_rank_cd(e.search, ${query}) desc limit ${limit}`);
    return rowsOf<KnowledgeCandidate>(result);
  };
  const both = pairs.length ? await read(pairs.join(" | "), params.limit, []) : [];
  if (both.length >= params.limit) return both;
  return [
    ...both,
    ...(await read(
      groups.map(anyOf).join(" | "),
      params.limit - both.length,
      both.map((c) => c.id),
    )),
  ];
}

export async function insertKnowledge(db: Database, values: Array<typeof knowledgeEntries.$inferInsert>) {
  if (values.length > 0) await db.insert(knowledgeEntries).values(values);
}

export async function insertSynonyms(db: Database, values: Array<typeof knowledgeSynonyms.$inferInsert>) {
  if (values.length > 0) await db.insert(knowledgeSynonyms).values(values);
}

export async function countKnowledge(db: Database, accountId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(knowledgeEntries)
    .where(eq(knowledgeEntries.accountId, accountId));
  return row?.n ?? 0;
}

export async function countSynonyms(db: Database, accountId: string, locale: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(knowledgeSynonyms)
    .where(and(eq(knowledgeSynonyms.accountId, accountId), eq(knowledgeSynonyms.locale, locale)));
  return row?.n ?? 0;
}
