import { and, between, eq, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { channelEnum } from "@/db/schema/conversations";
import { addDays, splitByWeeks } from "./weeks";

type Channel = (typeof channelEnum.enumValues)[number];

// The overview's queries end in `.prepare(name).execute()`: drizzle runs a plain query as an unnamed
// statement, parsed and planned on every call, and planning these small queries costs about as much
// as running them. Prepared, each is parsed once per connection and, after a few runs, planned once.

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

type WeekTable = { accountId: PgColumn; week: PgColumn; channel: PgColumn };

/**
 * The same days read from a `*_weeks` table and its day table: the whole weeks (Monday to Sunday)
 * of each period from the week rows, the days around them from the day rows. Each period is split
 * on its own, so a week row never straddles the two periods and `weekPeriodOf` tells them apart.
 */
export function byWeeks(scope: OverviewScope, only: "both" | "current" = "both") {
  const periods = [...(only === "both" ? [splitByWeeks(scope.previousFrom, addDays(scope.from, -1))] : []), splitByWeeks(scope.from, scope.to)];
  const weeks = periods.flatMap((p) => (p.weeks ? [p.weeks] : []));
  const days = periods.flatMap((p) => p.days);
  const channelOf = (c: PgColumn) => (scope.channel ? eq(c, scope.channel) : undefined);
  return {
    weeksWhere: (t: WeekTable): SQL =>
      and(eq(t.accountId, scope.accountId), weeks.length > 0 ? or(...weeks.map(([a, b]) => between(t.week, a, b))) : sql`false`, channelOf(t.channel))!,
    daysWhere: (t: DayTable): SQL =>
      and(eq(t.accountId, scope.accountId), days.length > 0 ? or(...days.map(([a, b]) => between(t.day, a, b))) : sql`false`, channelOf(t.channel))!,
  };
}

/** periodOf for a week row. */
export const weekPeriodOf = (t: WeekTable, scope: OverviewScope) =>
  sql<"current" | "previous">`case when ${t.week} >= ${scope.from} then 'current' else 'previous' end`;
