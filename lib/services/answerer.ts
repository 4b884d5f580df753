import "server-only";
import type { Database } from "@/db/client";
import { analyseWords, knowledgeCandidates, knowledgeLocales, synonymLexemes, type KnowledgeCandidate } from "@/db/queries/knowledge";
import { shopperLocales } from "@/lib/i18n/shopper-locales";
import { FILLER_WORDS } from "@/lib/knowledge/fillers";
import { scoreEntry, type EntryScore, type Phrasing, type QuestionTerm } from "@/lib/knowledge/scoring";
import { isTypoOf, plain, wordsOf } from "@/lib/knowledge/text";

/**
 * The score an entry needs to answer (lib/knowledge/scoring.ts). Tuned on the dev half of the
 * evaluation set (lib/knowledge/evaluation-set.json): below it, near misses such as "Can I
 * change my order?" against "Where is my order?" (0.5) go to the handoff rules.
 */
export const CONFIDENCE_THRESHOLD = 0.6;
/** Candidates read per language. */
const CANDIDATES = 10;

export type AnswerMatch = { entryId: string; question: string; answer: string; link: string | null; locale: string; score: number };
export type Explanation = {
  match: AnswerMatch | null;
  threshold: number;
  /** The scored candidates, best first, with each question word's part. */
  candidates: Array<{ entryId: string; question: string; locale: string } & EntryScore>;
};

type Reader = {
  /** Reads these words' lexemes in one query, for `terms`. */
  learn: (words: string[]) => Promise<void>;
  terms: (words: string[]) => QuestionTerm[];
  lexemesOf: (terms: QuestionTerm[]) => string[][];
};

// A word's lexemes depend only on its language's text search configuration, which migrations
// fix: each process remembers the words it has read (bounded), so a question usually costs no
// analysis round trip for the entries it meets.
const LEXICON_LIMIT = 100_000;
const lexicon = new Map<string, string[]>();
async function learnWords(db: Database, locale: string, words: string[]) {
  const unknown = [...new Set(words)].filter((w) => !lexicon.has(`${locale}\u0000${w}`));
  if (unknown.length > 0) {
    const analysed = await analyseWords(db, { locale, words: unknown });
    if (lexicon.size + unknown.length > LEXICON_LIMIT) lexicon.clear();
    unknown.forEach((w, i) => lexicon.set(`${locale}\u0000${w}`, analysed[i] ?? []));
  }
}

// The fillers' lexemes per language, read once per process for the same reason.
const fillerCache = new Map<string, Promise<Set<string>>>();
function fillerLexemes(db: Database, locale: string) {
  let cached = fillerCache.get(locale);
  if (!cached) {
    cached = analyseWords(db, { locale, words: [...(FILLER_WORDS[locale] ?? [])] }).then((rows) => new Set(rows.flat()));
    fillerCache.set(locale, cached);
  }
  return cached;
}

/** Reads words in one language for one account: stemmed, fillers dropped, synonyms folded into their group's key. */
async function readerFor(db: Database, accountId: string, locale: string): Promise<Reader> {
  const [fillers, synonyms] = await Promise.all([fillerLexemes(db, locale), synonymLexemes(db, { accountId, locale })]);
  const single = new Map<string, string>();
  const singleWords: Array<{ word: string; key: string }> = [];
  const phrases: Array<{ lexemes: string[]; key: string; word: string }> = [];
  const members = new Map<string, string[]>();
  for (const s of synonyms) {
    const key = `~${s.id}`;
    members.set(key, [...(members.get(key) ?? []), ...s.lexemes]);
    if (s.lexemes.length === 1) {
      single.set(s.lexemes[0]!, key);
      singleWords.push({ word: plain(s.word), key });
    } else if (s.lexemes.length > 1) phrases.push({ lexemes: s.lexemes, key, word: s.word });
  }
  const lexemesOf = (word: string): string[] => lexicon.get(`${locale}\u0000${word}`) ?? [];
  return {
    learn: (words) => learnWords(db, locale, words),
    terms(words) {
      let terms: QuestionTerm[] = words.flatMap((word) =>
        lexemesOf(word)
          .filter((l) => !fillers.has(l))
          .map((lexeme) => ({ word: plain(word), lexeme, key: lexeme })),
      );
      for (const p of phrases) {
        if (!p.lexemes.every((l) => terms.some((t) => t.lexeme === l))) continue;
        terms = [...terms.filter((t) => !p.lexemes.includes(t.lexeme)), { word: plain(p.word), lexeme: p.lexemes.join(" "), key: p.key }];
      }
      const seen = new Set<string>();
      // A synonym's key, or a mistyped synonym's ("mastercrad"): its group is vocabulary the merchant wrote.
      const keyOf = (t: QuestionTerm): QuestionTerm => {
        const key = single.get(t.lexeme);
        if (key) return { ...t, key };
        const typo = singleWords.find((s) => isTypoOf(t.word, s.word));
        return typo ? { ...t, key: typo.key, typo: true } : t;
      };
      return terms.map((t) => (t.key.startsWith("~") ? t : keyOf(t))).filter((t) => (seen.has(t.key) ? false : (seen.add(t.key), true)));
    },
    // What to look up in the index: each question word's lexemes with every other word of its synonym group.
    lexemesOf: (terms) => terms.map((t) => (t.key.startsWith("~") ? [...new Set(members.get(t.key) ?? [])] : t.lexeme.split(" "))),
  };
}

async function scoreCandidates(reader: Reader, question: QuestionTerm[], candidates: KnowledgeCandidate[]) {
  await reader.learn(candidates.flatMap((c) => [c.question, ...c.variants, c.answer].flatMap(wordsOf)));
  return candidates.map((c) => {
    const phrasings: Phrasing[] = [c.question, ...c.variants].map((text) => ({ text, terms: reader.terms(wordsOf(text)) }));
    const answerKeys = new Set(reader.terms(wordsOf(c.answer)).map((t) => t.key));
    const score = scoreEntry(question, phrasings, answerKeys);
    return score ? { entryId: c.id, question: c.question, locale: c.locale, answer: c.answer, link: c.link, ...score } : null;
  });
}

/**
 * What the built-in Customer Agent makes of a shopper's question, with its reasons: entries in
 * the conversation's language first, then in the account's other languages (a shopper whose
 * browser is French may write to an English store in English).
 */
export async function explainAnswer(db: Database, params: { accountId: string; text: string; locale: string; batch?: Batch }): Promise<Explanation> {
  const words = wordsOf(params.text);
  const locales = params.batch?.locales ?? (await knowledgeLocales(db, params.accountId, shopperLocales));
  const ordered = [params.locale, ...locales.filter((l) => l !== params.locale).sort()].filter((l) => locales.includes(l));
  const candidates: Explanation["candidates"] = [];
  for (const locale of ordered) {
    const reader = await (params.batch ? batchReader(db, params.accountId, params.batch, locale) : readerFor(db, params.accountId, locale));
    await reader.learn(words);
    const question = reader.terms(words);
    if (question.length === 0) continue;
    const found = await knowledgeCandidates(db, { accountId: params.accountId, locale, groups: reader.lexemesOf(question), limit: CANDIDATES });
    const scored = (await scoreCandidates(reader, question, found)).filter((s) => s !== null);
    scored.sort((a, b) => b.score - a.score || a.question.localeCompare(b.question));
    candidates.push(...scored);
    const best = scored[0];
    if (best && best.score >= CONFIDENCE_THRESHOLD) {
      const match = { entryId: best.entryId, question: best.question, answer: best.answer, link: best.link, locale: best.locale, score: best.score };
      return { match, threshold: CONFIDENCE_THRESHOLD, candidates };
    }
  }
  return { match: null, threshold: CONFIDENCE_THRESHOLD, candidates };
}

/** The built-in Customer Agent: an answer from the account's knowledge, or null when unsure. */
export async function findAnswer(db: Database, params: { accountId: string; text: string; locale: string }): Promise<AnswerMatch | null> {
  return (await explainAnswer(db, params)).match;
}

/** What the questions of one findAnswers call share: the account's languages and each language's reader. */
type Batch = { locales: string[]; readers: Map<string, Promise<Reader>> };

function batchReader(db: Database, accountId: string, batch: Batch, locale: string) {
  let reader = batch.readers.get(locale);
  if (!reader) batch.readers.set(locale, (reader = readerFor(db, accountId, locale)));
  return reader;
}

/**
 * findAnswer for several questions of one account at once (the overview's knowledge gaps): the
 * account's languages and each language's synonyms are read once for all of them, not once per
 * question. Answers in the order of `texts`.
 */
export async function findAnswers(db: Database, params: { accountId: string; texts: string[]; locale: string }): Promise<Array<AnswerMatch | null>> {
  if (params.texts.length === 0) return [];
  const batch: Batch = { locales: await knowledgeLocales(db, params.accountId, shopperLocales), readers: new Map() };
  return Promise.all(params.texts.map(async (text) => (await explainAnswer(db, { accountId: params.accountId, text, locale: params.locale, batch })).match));
}
