import { and, between, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations as c } from "@/db/schema/conversations";
import { knowledgeEntries } from "@/db/schema/knowledge";
import type { OverviewScope } from "./scope";

/**
 * The latest questions of the selected days that ended routed to the team or with the custom
 * message, with their English stems (stop words dropped; a generated column, computed once when
 * the reason is written) for grouping. Bounded by `limit` and read newest first from the partial
 * index `conversations_unanswered_idx`, so its cost does not grow with the account's history.
 */
export async function latestUnansweredQuestions(db: Database, scope: OverviewScope, limit: number) {
  return db
    .select({
      reason: sql<string>`${c.reason}`,
      status: sql<"routed" | "message_shown">`${c.status}`,
      stems: sql<string[]>`${c.reasonStems}`,
      day: c.localDay,
    })
    .from(c)
    .where(
      and(
        eq(c.accountId, scope.accountId),
        between(c.localDay, scope.from, scope.to),
        // A literal, not parameters: the planner must see it matches the partial index's predicate.
        sql`${c.status} in ('routed', 'message_shown')`,
        isNotNull(c.reason),
        scope.channel ? eq(c.channel, scope.channel) : undefined,
      ),
    )
    .orderBy(desc(c.localDay), desc(c.createdAt))
    .limit(limit);
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
