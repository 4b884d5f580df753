import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { overviewPickupDays as t } from "@/db/schema/notifications";
import { periodOf, scopeWhere, type OverviewScope } from "./scope";

/** Decided Baton Inbox pickups per period: claimed within the threshold or not. */
export async function pickupTotals(db: Database, scope: OverviewScope) {
  const period = periodOf(t, scope);
  return db
    .select({ period, inTime: t.inTime, handoffs: sql<number>`sum(${t.handoffs})::int` })
    .from(t)
    .where(scopeWhere(t, scope))
    .groupBy(sql`1`, sql`2`) // by position: the period expression carries parameters
    .prepare("overview_pickup")
    .execute();
}
