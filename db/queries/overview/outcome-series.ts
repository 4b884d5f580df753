import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewConversationDays as t } from "@/db/schema/overview";
import { scopeWhere, type OverviewScope } from "./scope";

/**
 * Rates over time and outcomes over time: conversations per bucket and outcome in the selected
 * days. Buckets are days, or weeks counted back from the range's last day (so the latest week is
 * whole and only the oldest may be short), each named by its first day.
 */
export async function outcomeSeries(db: Database, scope: OverviewScope, bucketDays: 1 | 7) {
  const n = sql.raw(String(bucketDays));
  const start = sql<string>`greatest(${scope.from}::date, ${scope.to}::date - ((${scope.to}::date - ${t.day}) / ${n}) * ${n} - (${n} - 1))::text`;
  return db
    .select({ start, status: t.status, handedOffLater: t.handedOffLater, conversations: sql<number>`sum(${t.conversations})::int` })
    .from(t)
    .where(scopeWhere(t, scope, "current"))
    .groupBy(sql`1`, sql`2`, sql`3`) // by position: the bucket expression carries parameters
    .prepare("overview_outcome_series")
    .execute();
}
