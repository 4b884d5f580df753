import { and, between, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { channelEnum } from "@/db/schema/conversations";

type Channel = (typeof channelEnum.enumValues)[number];

/**
 * What every overview query reads: one account, an optional channel, and the days from
 * `previousFrom` to `to` (the previous period, then the selected one starting at `from`).
 */
export type OverviewScope = { accountId: string; channel: Channel | null; previousFrom: string; from: string; to: string };

type DayTable = { accountId: PgColumn; day: PgColumn; channel: PgColumn };

/** Both periods, or only the selected one. */
export function scopeWhere(t: DayTable, scope: OverviewScope, only: "both" | "current" = "both"): SQL {
  return and(
    eq(t.accountId, scope.accountId),
    between(t.day, only === "both" ? scope.previousFrom : scope.from, scope.to),
    scope.channel ? eq(t.channel, scope.channel) : undefined,
  )!;
}

/** "current" for the selected days, "previous" for the period before. */
export const periodOf = (t: DayTable, scope: OverviewScope) =>
  sql<"current" | "previous">`case when ${t.day} >= ${scope.from} then 'current' else 'previous' end`;
