import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewConversationDays as d, overviewConversationWeeks as w } from "@/db/schema/overview";
import { byWeeks, periodOf, weekPeriodOf, type OverviewScope } from "./scope";

/**
 * Tiles and the consent funnel: conversations per period, outcome, whether a human was offered,
 * answered, handed off later. Read by whole weeks (see byWeeks); a key may come twice for a period, to be summed.
 */
export async function outcomeTotals(db: Database, scope: OverviewScope) {
  const { weeksWhere, daysWhere } = byWeeks(scope);
  const conversations = sql<number>`sum(conversations)::int`;
  const keys = [sql`1`, sql`2`, sql`3`, sql`4`, sql`5`]; // by position: the period expression carries parameters
  return db
    .select({ period: weekPeriodOf(w, scope), status: w.status, offered: w.offered, answered: w.answered, handedOffLater: w.handedOffLater, conversations })
    .from(w)
    .where(weeksWhere(w))
    .groupBy(...keys)
    .unionAll(
      db
        .select({ period: periodOf(d, scope), status: d.status, offered: d.offered, answered: d.answered, handedOffLater: d.handedOffLater, conversations })
        .from(d)
        .where(daysWhere(d))
        .groupBy(...keys),
    )
    .prepare("overview_outcome_totals")
    .execute();
}
