import { and, eq, sql, type SQL } from "drizzle-orm";
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

/**
 * What the answerer reads of an account before its candidates, as one string: the languages the
 * account has live entries in (one index probe each, each its own subquery so that it is planned
 * for its value: a parameter from unnest would be planned as "any language" and scan the
 * account's entries), then a digest of its synonym groups. Equal stamps mean equal
 * AnswererState, so a process may keep the state and check it in the same statement as the
 * candidates (knowledgeCandidates) instead of reading it again for every question.
 */
function stampOf(accountId: string, locales: readonly string[]) {
  const probes = locales.map(
    (l) =>
      sql`select ${l}::text as locale where exists (select 1 from ${knowledgeEntries} e where e.account_id = ${accountId} and e.locale = ${l} and e.enabled and e.status = 'published')`,
  );
  return sql`(select coalesce(string_agg(l.locale, ',' order by l.locale), '') from (${sql.join(probes, sql` union all `)}) l) || '|' || (
    select coalesce(md5(string_agg(s.id::text || ' ' || s.locale || ' ' || s.created_at::text || ' ' || array_to_json(s.words)::text, ',' order by s.created_at, s.id)), '')
    from ${knowledgeSynonyms} s where s.account_id = ${accountId})`;
}

export type SynonymLexemes = { id: string; locale: string; word: string; lexemes: string[] };
export type AnswererState = {
  stamp: string;
  /** Which of the languages asked about the account has live entries in. */
  locales: string[];
  /** Its synonym groups, each word with its lexemes, first groups and words first. */
  synonyms: SynonymLexemes[];
};

export async function answererState(db: Database, accountId: string, locales: readonly string[]): Promise<AnswererState> {
  const result = await db.execute(sql`
    select ${stampOf(accountId, locales)} as stamp, coalesce((
      select json_agg(json_build_object('id', s.id, 'locale', s.locale, 'word', m.word,
        'lexemes', tsvector_to_array(to_tsvector(baton_text_search_config(s.locale), m.word))) order by s.created_at, s.id, m.ord)
      from ${knowledgeSynonyms} s, unnest(s.words) with ordinality m(word, ord) where s.account_id = ${accountId}), '[]'::json) as synonyms`);
  const [row] = rowsOf<{ stamp: string; synonyms: SynonymLexemes[] }>(result);
  return { stamp: row!.stamp, locales: row!.stamp.split("|")[0]!.split(",").filter(Boolean), synonyms: row!.synonyms };
}

export type KnowledgeCandidate = { id: string; question: string; variants: string[]; answer: string; link: string | null; locale: string };

const quoted = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;
const anyOf = (group: string[]) => `(${group.map(quoted).join(" | ")})`;

/**
 * The live entries of one language whose question or variants share lexemes with the question
 * (`search`). `groups` are the question's words, each with its synonyms. Entries sharing two of
 * them come first, and only when fewer than `limit` do entries sharing one; either way shortest
 * first (lexeme_count: a short phrasing is the one a short question can cover), stopping at
 * `limit`. Among entries sharing two words, ties go to ts_rank against all the question's words;
 * entries sharing one are read only when every entry sharing two is in, so they all share just
 * one and the rank, which costs a few microseconds an entry, would say little. The caller scores
 * the candidates.
 *
 * One statement, driven by the search index: one probe per pair of words (GIN finds an entry
 * sharing "return" and "shoe" through the rarer of the two), then one per word only when the
 * pairs left room, each probe keeping its `limit` best, so the cost follows the entries that
 * share the question's words, not the account's size. A probe's query is a value of the row it
 * runs for: the planner prices it as selective and takes the index, where one query naming all
 * the pairs was priced as one cheap operator call per entry and walked the account's entries in
 * lexeme_count order, matching each against the pairs (all 5,000 when few match). ts_rank, not
 * ts_rank_cd: cover density over a question of many words cost tens of microseconds an entry.
 * The statement also returns the account's stamp (stampOf), read in the same snapshot.
 */
export async function knowledgeCandidates(
  db: Database,
  params: { accountId: string; locale: string; groups: string[][]; limit: number; locales: readonly string[] },
): Promise<{ stamp: string; candidates: KnowledgeCandidate[] }> {
  const groups = params.groups.filter((g) => g.length > 0).slice(0, 12);
  if (groups.length === 0) throw new Error("knowledgeCandidates needs at least one word");
  const pairs: string[] = [];
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) pairs.push(`${anyOf(groups[i]!)} & ${anyOf(groups[j]!)}`);
  const questionRank = sql`ts_rank(e.search, to_tsquery('simple', ${groups.map(anyOf).join(" | ")}))`;
  const probe = (queries: string[], rank: SQL, limit: SQL, except: SQL) => sql`
    select h.id, h.lexeme_count, h.rank from unnest(${textArray(queries)}) p(q) cross join lateral (
      select e.id, e.lexeme_count, ${rank} as rank from ${knowledgeEntries} e
      where e.account_id = ${params.accountId} and e.locale = ${params.locale} and e.enabled and e.status = 'published'
        and e.search @@ to_tsquery('simple', p.q)${except}
      order by e.lexeme_count, rank desc, e.id limit ${limit}) h`;
  const best = (from: string, limit: SQL) =>
    sql.raw(`select distinct id, lexeme_count, rank from ${from} order by lexeme_count, rank desc, id limit `).append(limit);
  const room = sql`greatest(${params.limit} - (select count(*) from two), 0)`;
  const result = await db.execute(sql`
    with two_hits as (${probe(pairs, questionRank, sql`${params.limit}`, sql``)}),
    two as (${best("two_hits", sql`${params.limit}`)}),
    one_hits as (${probe(groups.map(anyOf), sql`0::real`, room, sql` and e.id not in (select id from two)`)}),
    one as (${best("one_hits", room)})
    select s.stamp, e.id, e.question, e.variants, e.answer, e.link, e.locale
    from (select ${stampOf(params.accountId, params.locales)} as stamp) s left join (
      (select *, 2 as shared from two union all select *, 1 from one) c join ${knowledgeEntries} e on e.id = c.id) on true
    order by c.shared desc, c.lexeme_count, c.rank desc, c.id`);
  const rows = rowsOf<KnowledgeCandidate & { stamp: string }>(result);
  return { stamp: rows[0]!.stamp, candidates: rows.filter((r) => r.id !== null).map(({ stamp: _, ...c }) => c) };
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
