import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewEscalationDays as d, overviewEscalationWeeks as w } from "@/db/schema/overview";
import { byWeeks, periodOf, weekPeriodOf, type OverviewScope } from "./scope";

/**
 * Handoffs by destination and forwarding status, per period (the destinations chart and the
 * forwarding tile), read by whole weeks (see byWeeks); a key may come twice for a period, to be summed.
 */
export async function handoffDestinations(db: Database, scope: OverviewScope) {
  const { weeksWhere, daysWhere } = byWeeks(scope);
  const escalations = sql<number>`sum(escalations)::int`;
  return db
    .select({ period: weekPeriodOf(w, scope), destination: w.destination, status: w.status, escalations })
    .from(w)
    .where(weeksWhere(w))
    .groupBy(sql`1`, sql`2`, sql`3`) // by position: the period expression carries parameters
    .unionAll(
      db
        .select({ period: periodOf(d, scope), destination: d.destination, status: d.status, escalations })
        .from(d)
        .where(daysWhere(d))
        .groupBy(sql`1`, sql`2`, sql`3`),
    )
    .prepare("overview_handoff_destinations")
    .execute();
}
