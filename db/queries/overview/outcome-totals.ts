import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewConversationDays as t } from "@/db/schema/overview";
import { periodOf, scopeWhere, type OverviewScope } from "./scope";

/** Tiles and the consent funnel: conversations per period, outcome, whether a human was offered, answered, handed off later. */
export async function outcomeTotals(db: Database, scope: OverviewScope) {
  const period = periodOf(t, scope);
  return db
    .select({
      period,
      status: t.status,
      offered: t.offered,
      answered: t.answered,
      handedOffLater: t.handedOffLater,
      conversations: sql<number>`sum(${t.conversations})::int`,
    })
    .from(t)
    .where(scopeWhere(t, scope))
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`); // by position: the period expression carries parameters
}
