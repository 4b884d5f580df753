import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewEscalationDays as t } from "@/db/schema/overview";
import { periodOf, scopeWhere, type OverviewScope } from "./scope";

/** Handoffs by destination and forwarding status, per period (the destinations chart and the forwarding tile). */
export async function handoffDestinations(db: Database, scope: OverviewScope) {
  const period = periodOf(t, scope);
  return db
    .select({ period, destination: t.destination, status: t.status, escalations: sql<number>`sum(${t.escalations})::int` })
    .from(t)
    .where(scopeWhere(t, scope))
    .groupBy(sql`1`, sql`2`, sql`3`); // by position: the period expression carries parameters
}
