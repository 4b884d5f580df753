import { and, between, eq, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewReplyTimeDays as d, overviewReplyTimeWeeks as w } from "@/db/schema/overview";
import { addDays, splitByWeeks } from "@/lib/overview/days";
import { type OverviewScope } from "./scope";

/**
 * Time to first human reply: the histogram per period (buckets as in `overview_reply_bucket`).
 * Each period's whole weeks are read from the week rows and only the days around them from the
 * day rows, in one query; a bucket may come back twice for a period (once from each), to be summed.
 */
export async function replyTimeHistogram(db: Database, scope: OverviewScope) {
  const periods = [splitByWeeks(scope.previousFrom, addDays(scope.from, -1)), splitByWeeks(scope.from, scope.to)];
  const weeks = periods.flatMap((p) => (p.weeks ? [p.weeks] : []));
  const days = periods.flatMap((p) => p.days);
  const fromWeeks = db
    .select({
      period: sql<"current" | "previous">`case when ${w.week} >= ${scope.from} then 'current' else 'previous' end`,
      bucket: w.bucket,
      replies: sql<number>`sum(${w.replies})::int`,
    })
    .from(w)
    .where(
      and(
        eq(w.accountId, scope.accountId),
        weeks.length > 0 ? or(...weeks.map(([first, last]) => between(w.week, first, last))) : sql`false`,
        scope.channel ? eq(w.channel, scope.channel) : undefined,
      ),
    )
    .groupBy(sql`1`, sql`2`); // by position: the period expression carries parameters
  const fromDays = db
    .select({
      period: sql<"current" | "previous">`case when ${d.day} >= ${scope.from} then 'current' else 'previous' end`,
      bucket: d.bucket,
      replies: sql<number>`sum(${d.replies})::int`,
    })
    .from(d)
    .where(
      and(
        eq(d.accountId, scope.accountId),
        days.length > 0 ? or(...days.map(([first, last]) => between(d.day, first, last))) : sql`false`,
        scope.channel ? eq(d.channel, scope.channel) : undefined,
      ),
    )
    .groupBy(sql`1`, sql`2`);
  return fromWeeks.unionAll(fromDays);
}
