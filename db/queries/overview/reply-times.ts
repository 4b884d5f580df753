import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewReplyTimeDays as d, overviewReplyTimeWeeks as w } from "@/db/schema/overview";
import { byWeeks, periodOf, weekPeriodOf, type OverviewScope } from "./scope";

/**
 * Time to first human reply: the histogram per period (buckets as in `overview_reply_bucket`),
 * read by whole weeks (see byWeeks) in one query; a bucket may come twice for a period, to be summed.
 */
export async function replyTimeHistogram(db: Database, scope: OverviewScope) {
  const { weeksWhere, daysWhere } = byWeeks(scope);
  const replies = sql<number>`sum(replies)::int`;
  return db
    .select({ period: weekPeriodOf(w, scope), bucket: w.bucket, replies })
    .from(w)
    .where(weeksWhere(w))
    .groupBy(sql`1`, sql`2`) // by position: the period expression carries parameters
    .unionAll(
      db
        .select({ period: periodOf(d, scope), bucket: d.bucket, replies })
        .from(d)
        .where(daysWhere(d))
        .groupBy(sql`1`, sql`2`),
    )
    .prepare("overview_reply_times")
    .execute();
}
