import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { knowledgeEntries } from "@/db/schema/knowledge";
import { overviewQuestionDays as q } from "@/db/schema/overview";
import { scopeWhere, type OverviewScope } from "./scope";

/**
 * Every unanswered question of the selected days (routed to the team or shown the custom
 * message), as distinct wordings per outcome with their stems in the conversation's language and
 * how many times each was asked: read from the exact day rows `overview_question_days`, so the
 * cost follows the number of distinct wordings, not of conversations.
 */
export async function unansweredQuestionCounts(db: Database, scope: OverviewScope) {
  return db
    .select({
      reason: q.reason,
      status: sql<"routed" | "message_shown">`${q.status}`,
      stems: q.stems,
      count: sql<number>`sum(${q.questions})::int`,
    })
    .from(q)
    .where(scopeWhere(q, scope, "current"))
    .groupBy(q.reason, q.status, q.stems)
    .having(sql`sum(${q.questions}) > 0`);
}

/** A covered group's trend: its wordings' questions of the selected days before `since` and from it on. */
export async function questionsAround(db: Database, scope: OverviewScope, params: { reasons: string[]; since: string }) {
  const [row] = await db
    .select({
      before: sql<number>`coalesce(sum(${q.questions}) filter (where ${q.day} < ${params.since}), 0)::int`,
      after: sql<number>`coalesce(sum(${q.questions}) filter (where ${q.day} >= ${params.since}), 0)::int`,
    })
    .from(q)
    .where(and(scopeWhere(q, scope, "current"), inArray(q.reason, params.reasons)));
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
