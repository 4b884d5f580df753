// The answerer's evaluation: the labelled questions of lib/knowledge/evaluation-set.json asked
// of the demo stores' knowledge, in an account of their own per store. Used by `npm run bench`
// and by its test.
import type { DatabaseHandle } from "@/db/client";
import { seedStoryKnowledge } from "@/db/seed-knowledge";
import { demoStoreStory, lojaDemoStory } from "@/db/seed-stories";
import { createAccountWithMembers } from "@/db/testing/test-database";
import evaluationSet from "@/lib/knowledge/evaluation-set.json" with { type: "json" };
import { findAnswer } from "@/lib/services/answerer";

export type EvaluationQuestion = { locale: string; split: string; kind: string; text: string; expect: string | null };
export type EvaluationResult = { question: EvaluationQuestion; got: string | null; score: number | null; ok: boolean };

export async function seedEvaluationAccounts(handle: DatabaseHandle) {
  const accounts: Record<string, string> = {};
  for (const story of [demoStoreStory, lojaDemoStory]) {
    const { account } = await createAccountWithMembers(handle, []);
    await seedStoryKnowledge(handle.db, { accountId: account.id, story });
    accounts[story.locale] = account.id;
  }
  return accounts;
}

/** Asks every question; `got` is the key of the entry that answered (the evaluation set's keys). */
export async function runEvaluation(handle: DatabaseHandle, accounts: Record<string, string>, questions = evaluationSet.questions as EvaluationQuestion[]) {
  const keyOf = new Map(Object.entries(evaluationSet.entries).map(([key, question]) => [question, key]));
  const results: EvaluationResult[] = [];
  for (const q of questions) {
    const match = await findAnswer(handle.db, { accountId: accounts[q.locale]!, locale: q.locale, text: q.text });
    const got = match ? (keyOf.get(match.question) ?? match.question) : null;
    results.push({ question: q, got, score: match?.score ?? null, ok: got === q.expect });
  }
  return results;
}

/** Precision: right answers ÷ answers given. Recall: right answers ÷ questions an entry answers. */
export function precisionRecall(results: EvaluationResult[]) {
  const answered = results.filter((r) => r.got !== null);
  const right = answered.filter((r) => r.ok).length;
  const answerable = results.filter((r) => r.question.expect !== null).length;
  return {
    questions: results.length,
    answered: answered.length,
    right,
    answerable,
    precision: answered.length ? right / answered.length : 1,
    recall: answerable ? right / answerable : 1,
  };
}
