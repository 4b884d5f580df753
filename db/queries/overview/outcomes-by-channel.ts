import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewConversationDays as d, overviewConversationWeeks as w } from "@/db/schema/overview";
import { byWeeks, type OverviewScope } from "./scope";

/** The channel chart: conversations per channel and outcome in the selected days, read by whole weeks (see byWeeks). */
export async function outcomesByChannel(db: Database, scope: OverviewScope) {
  const { weeksWhere, daysWhere } = byWeeks(scope, "current");
  const conversations = sql<number>`sum(conversations)::int`;
  return db
    .select({ channel: w.channel, status: w.status, handedOffLater: w.handedOffLater, conversations })
    .from(w)
    .where(weeksWhere(w))
    .groupBy(w.channel, w.status, w.handedOffLater)
    .unionAll(
      db
        .select({ channel: d.channel, status: d.status, handedOffLater: d.handedOffLater, conversations })
        .from(d)
        .where(daysWhere(d))
        .groupBy(d.channel, d.status, d.handedOffLater),
    )
    .prepare("overview_outcomes_by_channel")
    .execute();
}
