import "server-only";
import type { Database } from "@/db/client";
import { entryCreatedDays, questionsAround } from "@/db/queries/overview/knowledge-gaps";
import type { OverviewScope } from "@/db/queries/overview/scope";
import { findAnswers } from "@/lib/services/answerer";
import type { QuestionGroup } from "@/lib/overview/question-groups";

/** Which entry answers a question now, and the local day it was created; null: none does. */
type Coverage = { entryId: string; since: string } | null;

// What the answerer made of each leading question, kept per account under its knowledge version
// (accounts.knowledge_version, bumped by every change to its entries and synonyms): the answer
// to a question cannot change while the version stands, so the overview asks the answerer only
// for questions it has not met since the last edit, and its reads wait for no answerer. The
// version is read with the account, in the overview's first query. Bounded like the answerer's
// own per-process state.
const ACCOUNTS_LIMIT = 1_000;
const QUESTIONS_LIMIT = 1_000;
type Kept = { version: number; locale: string; timeZone: string; answers: Map<string, Coverage> };
const kept = new Map<string, Kept>();

function keptFor(accountId: string, key: Omit<Kept, "answers">): Kept {
  const found = kept.get(accountId);
  if (found && found.version === key.version && found.locale === key.locale && found.timeZone === key.timeZone) return found;
  // A version older than the kept one (a read that started before an edit) is answered, not kept.
  if (found && found.version > key.version) return { ...key, answers: new Map() };
  if (kept.size >= ACCOUNTS_LIMIT) kept.clear();
  const fresh = { ...key, answers: new Map<string, Coverage>() };
  kept.set(accountId, fresh);
  return fresh;
}

async function coverageOf(db: Database, params: { accountId: string; locale: string; timeZone: string; knowledgeVersion: number; questions: string[] }) {
  const { accountId, locale, timeZone } = params;
  const memo = keptFor(accountId, { version: params.knowledgeVersion, locale, timeZone });
  const answers = new Map<string, Coverage>(params.questions.flatMap((q) => (memo.answers.has(q) ? [[q, memo.answers.get(q) ?? null] as const] : [])));
  const unknown = [...new Set(params.questions.filter((q) => !answers.has(q)))];
  if (unknown.length > 0) {
    const matches = await findAnswers(db, { accountId, texts: unknown, locale });
    const ids = [...new Set(matches.flatMap((m) => (m ? [m.entryId] : [])))];
    const days = await entryCreatedDays(db, { accountId, timeZone, ids });
    if (memo.answers.size + unknown.length > QUESTIONS_LIMIT) memo.answers.clear();
    unknown.forEach((question, i) => {
      const since = matches[i] ? days.get(matches[i].entryId) : undefined;
      const coverage = since ? { entryId: matches[i]!.entryId, since } : null;
      answers.set(question, coverage);
      memo.answers.set(question, coverage);
    });
  }
  return params.questions.map((q) => answers.get(q) ?? null);
}

/**
 * Which gaps an entry now answers: the answerer is asked each group's leading question (as a
 * shopper would ask it today); a match is "answered since" the entry's day, with the group's
 * unanswered questions of the range before that day and since.
 */
export async function withCoverage(
  db: Database,
  params: { scope: OverviewScope; timeZone: string; locale: string; knowledgeVersion: number },
  groups: QuestionGroup[],
) {
  const { accountId } = params.scope;
  const coverage = await coverageOf(db, { ...params, accountId, questions: groups.map((g) => g.question) });
  const covered = groups.flatMap(({ reasons }, i) => {
    const c = coverage[i];
    return c ? [{ i, ...c, reasons: [...reasons] }] : [];
  });
  // Every covered group's trend in one query.
  const trends = await questionsAround(db, params.scope, covered);
  return groups.map(({ reasons: _reasons, ...group }, i) => {
    const k = covered.findIndex((c) => c.i === i);
    if (k < 0) return { ...group, covered: null };
    return { ...group, covered: { entryId: covered[k]!.entryId, since: covered[k]!.since, ...trends[k]! } };
  });
}
