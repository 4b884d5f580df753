import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewConversationDays as t } from "@/db/schema/overview";
import { scopeWhere, type OverviewScope } from "./scope";

/** The channel chart: conversations per channel and outcome in the selected days. */
export async function outcomesByChannel(db: Database, scope: OverviewScope) {
  return db
    .select({ channel: t.channel, status: t.status, handedOffLater: t.handedOffLater, conversations: sql<number>`sum(${t.conversations})::int` })
    .from(t)
    .where(scopeWhere(t, scope, "current"))
    .groupBy(t.channel, t.status, t.handedOffLater);
}
