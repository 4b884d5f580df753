import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { knowledgeEntries } from "@/db/schema/knowledge";
import { overviewQuestionDays as q, overviewQuestionWeeks as qw, overviewQuestionWordings as w } from "@/db/schema/overview";
import { byWeeks, scopeWhere, type OverviewScope } from "./scope";

/**
 * Every unanswered question of the selected days (routed to the team or shown the custom
 * message), as distinct wordings per outcome with their stems in the conversation's language and
 * how many times each was asked: read from the exact aggregates, so the cost follows the number
 * of distinct wordings, not of conversations. Read by whole weeks (see byWeeks) and summed by
 * wording id; only the wordings left are joined for their text and stems.
 */
export async function unansweredQuestionCounts(db: Database, scope: OverviewScope) {
  const { weeksWhere, daysWhere } = byWeeks(scope, "current");
  const fromWeeks = db.select({ wordingId: qw.wordingId, status: qw.status, questions: qw.questions }).from(qw).where(weeksWhere(qw));
  const fromDays = db.select({ wordingId: q.wordingId, status: q.status, questions: q.questions }).from(q).where(daysWhere(q));
  const rows = fromWeeks.unionAll(fromDays).as("rows");
  const counts = db
    .select({ wordingId: rows.wordingId, status: rows.status, count: sql<number>`sum(${rows.questions})::int`.as("count") })
    .from(rows)
    .groupBy(rows.wordingId, rows.status)
    .having(sql`sum(${rows.questions}) > 0`)
    .as("counts");
  return db
    .select({ reason: w.reason, status: sql<"routed" | "message_shown">`${counts.status}`, stems: w.stems, count: counts.count })
    .from(counts)
    .innerJoin(w, eq(w.id, counts.wordingId))
    .prepare("overview_unanswered_questions")
    .execute();
}

/** A covered group's trend: its wordings' questions of the selected days before `since` and from it on. */
export async function questionsAround(db: Database, scope: OverviewScope, params: { reasons: string[]; since: string }) {
  const wordings = db
    .select({ id: w.id })
    .from(w)
    .where(and(eq(w.accountId, scope.accountId), inArray(w.reason, params.reasons)));
  const [row] = await db
    .select({
      before: sql<number>`coalesce(sum(${q.questions}) filter (where ${q.day} < ${params.since}), 0)::int`,
      after: sql<number>`coalesce(sum(${q.questions}) filter (where ${q.day} >= ${params.since}), 0)::int`,
    })
    .from(q)
    .where(and(scopeWhere(q, scope, "current"), inArray(q.wordingId, wordings)));
  return row ?? { before: 0, after: 0 };
}

/** The local day (account time zone) each entry was created: a covered gap is "answered since" then. */
export async function entryCreatedDays(db: Database, params: { accountId: string; timeZone: string; ids: string[] }) {
  if (params.ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: knowledgeEntries.id, day: sql<string>`(${knowledgeEntries.createdAt} at time zone ${params.timeZone})::date::text` })
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.accountId, params.accountId), inArray(knowledgeEntries.id, params.ids)));
  return new Map(rows.map((r) => [r.id, r.day]));
}
