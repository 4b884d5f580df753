// How well one knowledge entry answers a shopper's question: pure and explainable, so Try it can
// show every word's part in the score.
import { isTypoOf } from "./text";

/** A word of the question: its lexeme (the language's stemmer, accents ignored) and its key (the lexeme, or its synonym group's). */
export type QuestionTerm = { word: string; lexeme: string; key: string; typo?: boolean };
/** One way the entry is asked (its question or a variant), read the same way. */
export type Phrasing = { text: string; terms: QuestionTerm[] };
export type MatchKind = "exact" | "synonym" | "typo" | "answer" | "none";
export type WordMatch = { word: string; how: MatchKind; to: string | null };
export type EntryScore = { score: number; phrasing: string; questionCoverage: number; phrasingCoverage: number; matches: WordMatch[] };

/** What each kind of match is worth: a question word found only in the answer is weak evidence. */
export const MATCH_WEIGHT: Record<MatchKind, number> = { exact: 1, synonym: 1, typo: 0.8, answer: 0.25, none: 0 };

/**
 * score = questionCoverage × (0.6 + 0.4 × phrasingCoverage): the share of the question's words
 * the phrasing explains (weighted by MATCH_WEIGHT), scaled by how much of the phrasing the
 * question says. A question word nothing explains ("Can I change my order?" against "Where is
 * my order?") weighs more than a phrasing word the question leaves out ("returns" against
 * "What is your return policy?"). A long question that says all of a phrasing of two words or
 * more ("…I was wondering how long delivery usually takes?") scores at least
 * 0.6 + 0.1 × questionCoverage instead: its other words are context, not another question.
 */
const CONTAINS_SCORE = 0.6;

export function scorePhrasing(question: QuestionTerm[], phrasing: Phrasing, answerKeys: ReadonlySet<string>): EntryScore {
  const keys = new Set(phrasing.terms.map((t) => t.key));
  const covered = new Set<string>();
  const matches = question.map((q): WordMatch => {
    if (keys.has(q.key)) {
      covered.add(q.key);
      const literal = phrasing.terms.some((t) => t.lexeme === q.lexeme);
      const to = literal ? q.lexeme : (phrasing.terms.find((t) => t.key === q.key)?.lexeme ?? null);
      return { word: q.word, how: q.typo ? "typo" : literal ? "exact" : "synonym", to };
    }
    const typo = phrasing.terms.find((t) => isTypoOf(q.lexeme, t.lexeme) || isTypoOf(q.word, t.word));
    if (typo) {
      covered.add(typo.key);
      return { word: q.word, how: "typo", to: typo.lexeme };
    }
    if (answerKeys.has(q.key)) return { word: q.word, how: "answer", to: q.lexeme };
    return { word: q.word, how: "none", to: null };
  });
  const questionCoverage = question.length ? matches.reduce((sum, m) => sum + MATCH_WEIGHT[m.how], 0) / question.length : 0;
  const phrasingCoverage = keys.size ? covered.size / keys.size : 0;
  // At least one word must meet the phrasing itself: the answer alone never answers.
  const meets = matches.some((m) => m.how === "exact" || m.how === "synonym" || m.how === "typo");
  const contains = keys.size >= 2 && covered.size === keys.size;
  const score = !meets ? 0 : Math.max(questionCoverage * (0.6 + 0.4 * phrasingCoverage), contains ? CONTAINS_SCORE + 0.1 * questionCoverage : 0);
  return { score: Math.round(score * 1000) / 1000, phrasing: phrasing.text, questionCoverage, phrasingCoverage, matches };
}

/** The entry's best phrasing for the question. */
export function scoreEntry(question: QuestionTerm[], phrasings: Phrasing[], answerKeys: ReadonlySet<string>): EntryScore | null {
  let best: EntryScore | null = null;
  for (const p of phrasings) {
    const s = scorePhrasing(question, p, answerKeys);
    if (!best || s.score > best.score) best = s;
  }
  return best;
}
