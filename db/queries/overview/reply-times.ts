import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewReplyTimeDays as t } from "@/db/schema/overview";
import { periodOf, scopeWhere, type OverviewScope } from "./scope";

/** Time to first human reply: the histogram per period (buckets as in `overview_reply_bucket`). */
export async function replyTimeHistogram(db: Database, scope: OverviewScope) {
  const period = periodOf(t, scope);
  return db
    .select({ period, bucket: t.bucket, replies: sql<number>`sum(${t.replies})::int` })
    .from(t)
    .where(scopeWhere(t, scope))
    .groupBy(sql`1`, sql`2`); // by position: the period expression carries parameters
}
