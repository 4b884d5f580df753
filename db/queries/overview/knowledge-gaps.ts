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

/**
 * Covered groups' trends, all in one query: each group's wordings' questions of the selected days
 * before its `since` day and from it on, in the order of `groups`.
 */
export async function questionsAround(db: Database, scope: OverviewScope, groups: Array<{ reasons: string[]; since: string }>) {
  const pairs = groups.flatMap((g, i) => g.reasons.map((reason) => sql`(${i}::int, ${g.since}::date, ${reason}::text)`));
  if (pairs.length === 0) return groups.map(() => ({ before: 0, after: 0 }));
  const result = await db.execute(sql`
    select v.i, coalesce(sum(${q.questions}) filter (where ${q.day} < v.since), 0)::int as before,
           coalesce(sum(${q.questions}) filter (where ${q.day} >= v.since), 0)::int as after
    from (values ${sql.join(pairs, sql`, `)}) v(i, since, reason)
    join ${w} on ${w.accountId} = ${scope.accountId} and ${w.reason} = v.reason
    join ${q} on ${q.wordingId} = ${w.id} and ${scopeWhere(q, scope, "current")}
    group by v.i`);
  const rows = (result as { rows?: TrendRow[] }).rows ?? (result as unknown as TrendRow[]);
  const byGroup = new Map(rows.map((r) => [Number(r.i), { before: Number(r.before), after: Number(r.after) }]));
  return groups.map((_, i) => byGroup.get(i) ?? { before: 0, after: 0 });
}

type TrendRow = { i: number; before: number; after: number };

/** The local day (account time zone) each entry was created: a covered gap is "answered since" then. */
export async function entryCreatedDays(db: Database, params: { accountId: string; timeZone: string; ids: string[] }) {
  if (params.ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: knowledgeEntries.id, day: sql<string>`(${knowledgeEntries.createdAt} at time zone ${params.timeZone})::date::text` })
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.accountId, params.accountId), inArray(knowledgeEntries.id, params.ids)));
  return new Map(rows.map((r) => [r.id, r.day]));
}
