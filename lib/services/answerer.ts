import "server-only";
import type { Database } from "@/db/client";
import { analyseWords, answererState, knowledgeCandidates, type AnswererState, type KnowledgeCandidate, type SynonymLexemes } from "@/db/queries/knowledge";
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
  learn: (db: Database, words: string[]) => Promise<void>;
  terms: (words: string[]) => QuestionTerm[];
  lexemesOf: (terms: QuestionTerm[]) => string[][];
};

// A word's lexemes depend only on its language's text search configuration, which migrations
// fix: each process remembers the words it has read (bounded), so a question usually costs no
// analysis round trip for the entries it meets.
const LEXICON_LIMIT = 100_000;
const lexicon = new Map<string, string[]>();
async function learnWords(db: Database, locale: string, words: string[]) {
  const distinct = [...new Set(words)];
  let unknown = distinct.filter((w) => !lexicon.has(`${locale}\u0000${w}`));
  if (unknown.length === 0) return;
  // Full: start again, keeping these words (the caller reads all of them next).
  if (lexicon.size + unknown.length > LEXICON_LIMIT) {
    lexicon.clear();
    unknown = distinct;
  }
  const analysed = await analyseWords(db, { locale, words: unknown });
  unknown.forEach((w, i) => lexicon.set(`${locale}\u0000${w}`, analysed[i] ?? []));
}

// The fillers' lexemes per language, read once per process for the same reason.
const fillerCache = new Map<string, Promise<Set<string>>>();
function fillerLexemes(db: Database, locale: string) {
  let cached = fillerCache.get(locale);
  if (!cached) {
    cached = analyseWords(db, { locale, words: [...(FILLER_WORDS[locale] ?? [])] }).then((rows) => new Set(rows.flat()));
    fillerCache.set(locale, cached);
    cached.catch(() => fillerCache.delete(locale));
  }
  return cached;
}

// Each kept state's readers, per language. A reader remembers the texts it has read (bounded):
// an entry met again, as the popular ones are, costs no typo search against the synonyms. Its
// words are learnt before it reads them, so a text always reads the same under one state.
const readers = new WeakMap<AnswererState, Map<string, Promise<Reader>>>();
const READ_TEXTS_LIMIT = 20_000;
function readerFor(db: Database, state: AnswererState, locale: string) {
  let byLocale = readers.get(state);
  if (!byLocale) readers.set(state, (byLocale = new Map()));
  let reader = byLocale.get(locale);
  if (!reader) {
    byLocale.set(locale, (reader = newReader(db, locale, state.synonyms)));
    reader.catch(() => byLocale.delete(locale));
  }
  return reader;
}

/** Reads words in one language for one account: stemmed, fillers dropped, synonyms folded into their group's key. */
async function newReader(db: Database, locale: string, synonyms: SynonymLexemes[]): Promise<Reader> {
  // db only for the fillers, read once per process: `learn` takes the caller's.
  const fillers = await fillerLexemes(db, locale);
  const read = new Map<string, QuestionTerm[]>();
  const single = new Map<string, string>();
  const singleWords: Array<{ word: string; key: string }> = [];
  const phrases: Array<{ lexemes: string[]; key: string; word: string }> = [];
  const members = new Map<string, string[]>();
  for (const s of synonyms.filter((x) => x.locale === locale)) {
    const key = `~${s.id}`;
    members.set(key, [...(members.get(key) ?? []), ...s.lexemes]);
    if (s.lexemes.length === 1) {
      single.set(s.lexemes[0]!, key);
      singleWords.push({ word: plain(s.word), key });
    } else if (s.lexemes.length > 1) phrases.push({ lexemes: s.lexemes, key, word: s.word });
  }
  const lexemesOf = (word: string): string[] => lexicon.get(`${locale}\u0000${word}`) ?? [];
  return {
    learn: (db, words) => learnWords(db, locale, words),
    terms(words) {
      const text = words.join(" ");
      let terms = read.get(text);
      if (!terms) {
        if (read.size >= READ_TEXTS_LIMIT) read.clear();
        read.set(text, (terms = readTerms(words)));
      }
      return terms;
    },
    // What to look up in the index: each question word's lexemes with every other word of its synonym group.
    lexemesOf: (terms) => terms.map((t) => (t.key.startsWith("~") ? [...new Set(members.get(t.key) ?? [])] : t.lexeme.split(" "))),
  };
  function readTerms(words: string[]) {
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
  }
}

async function scoreCandidates(db: Database, reader: Reader, question: QuestionTerm[], candidates: KnowledgeCandidate[]) {
  await reader.learn(
    db,
    candidates.flatMap((c) => [c.question, ...c.variants, c.answer].flatMap(wordsOf)),
  );
  return candidates.map((c) => {
    const phrasings: Phrasing[] = [c.question, ...c.variants].map((text) => ({ text, terms: reader.terms(wordsOf(text)) }));
    const answerKeys = new Set(reader.terms(wordsOf(c.answer)).map((t) => t.key));
    const score = scoreEntry(question, phrasings, answerKeys);
    return score ? { entryId: c.id, question: c.question, locale: c.locale, answer: c.answer, link: c.link, ...score } : null;
  });
}

// Each account's languages and synonyms as last read (AnswererState), kept by the process: a
// question checks them in the same statement as its candidates (the state's stamp) and reads
// them again only when they changed, so an edit counts from the next question on, in every
// process, at the cost of no round trip. A stamp stands for the whole state, so entries need no
// key but the account's (the widget's path hands a transaction, not a database).
const STATES_LIMIT = 10_000;
const states = new Map<string, AnswererState>();
async function readState(db: Database, accountId: string) {
  const state = await answererState(db, accountId, shopperLocales);
  if (states.size >= STATES_LIMIT) states.clear();
  states.set(accountId, state);
  return state;
}

/**
 * explainAnswer with this state, and the stamp its candidates statements saw (null when none
 * ran). With `kept`, it stops at a stamp other than the state's: the state changed since.
 */
async function explainWith(
  db: Database,
  params: { accountId: string; text: string; locale: string },
  state: AnswererState,
  kept: boolean,
): Promise<{ explanation: Explanation; seen: string | null }> {
  const words = wordsOf(params.text);
  const { locales } = state;
  const ordered = [params.locale, ...locales.filter((l) => l !== params.locale).sort()].filter((l) => locales.includes(l));
  const candidates: Explanation["candidates"] = [];
  let seen: string | null = null;
  const explained = (match: AnswerMatch | null) => ({ explanation: { match, threshold: CONFIDENCE_THRESHOLD, candidates }, seen });
  for (const locale of ordered) {
    const reader = await readerFor(db, state, locale);
    await reader.learn(db, words);
    const question = reader.terms(words);
    if (question.length === 0) continue;
    const groups = reader.lexemesOf(question);
    const found = await knowledgeCandidates(db, { accountId: params.accountId, locale, groups, limit: CANDIDATES, locales: shopperLocales });
    seen = found.stamp;
    if (kept && seen !== state.stamp) return explained(null);
    const scored = (await scoreCandidates(db, reader, question, found.candidates)).filter((s) => s !== null);
    scored.sort((a, b) => b.score - a.score || a.question.localeCompare(b.question));
    candidates.push(...scored);
    const best = scored[0];
    if (best && best.score >= CONFIDENCE_THRESHOLD) {
      return explained({ entryId: best.entryId, question: best.question, answer: best.answer, link: best.link, locale: best.locale, score: best.score });
    }
  }
  return explained(null);
}

/**
 * What the built-in Customer Agent makes of a shopper's question, with its reasons: entries in
 * the conversation's language first, then in the account's other languages (a shopper whose
 * browser is French may write to an English store in English).
 */
export async function explainAnswer(db: Database, params: { accountId: string; text: string; locale: string }): Promise<Explanation> {
  const kept = states.get(params.accountId);
  if (kept) {
    const { explanation, seen } = await explainWith(db, params, kept, true);
    if (seen === kept.stamp) return explanation;
    // No candidates statement checked the kept state (no language, or only filler words): read it.
    if (seen === null) {
      const state = await readState(db, params.accountId);
      if (state.stamp === kept.stamp) return explanation;
      return (await explainWith(db, params, state, false)).explanation;
    }
  }
  // An edit between reading the state and the candidates counts from the next question on.
  return (await explainWith(db, params, await readState(db, params.accountId), false)).explanation;
}

/** The built-in Customer Agent: an answer from the account's knowledge, or null when unsure. */
export async function findAnswer(db: Database, params: { accountId: string; text: string; locale: string }): Promise<AnswerMatch | null> {
  return (await explainAnswer(db, params)).match;
}

/**
 * findAnswer for several questions of one account (the overview's knowledge gaps), in the order
 * of `texts`. The first reads the account's kept state if this process has none yet; the others
 * share it.
 */
export async function findAnswers(db: Database, params: { accountId: string; texts: string[]; locale: string }): Promise<Array<AnswerMatch | null>> {
  const [first, ...rest] = params.texts;
  if (first === undefined) return [];
  const answer = (text: string) => findAnswer(db, { accountId: params.accountId, text, locale: params.locale });
  const head = await answer(first);
  return [head, ...(await Promise.all(rest.map(answer)))];
}
