import { z } from "zod";
import { addDays, daysBetween, isIsoDay, todayIn } from "@/lib/overview/days";

export const presetRanges = ["7", "30", "90"] as const;
export const channelFilters = ["all", "web_chat", "sms"] as const;
/** Longest custom range: a year, so a comparison with the previous period stays meaningful. */
export const MAX_RANGE_DAYS = 366;

const isoDay = z.string().refine(isIsoDay, { error: "invalid_date" });

/**
 * The overview's filters, as they appear in the page's URL and in GET /api/overview: a preset
 * (the last 7, 30 or 90 days including today) or a custom inclusive range of the account's local
 * days, and a channel. Normalised: presets carry no dates, defaults are explicit.
 */
export const overviewFiltersSchema = z
  .object({
    range: z.enum([...presetRanges, "custom"]).default("30"),
    from: isoDay.optional(),
    to: isoDay.optional(),
    channel: z.enum(channelFilters).default("all"),
  })
  .superRefine((v, ctx) => {
    if (v.range !== "custom") return;
    if (!v.from) ctx.addIssue({ code: "custom", path: ["from"], message: "date_required" });
    if (!v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "date_required" });
    if (!v.from || !v.to) return;
    if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "range_reversed" });
    else if (daysBetween(v.from, v.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "range_too_long" });
  })
  .transform((v) =>
    v.range === "custom" ? { range: v.range, from: v.from!, to: v.to!, channel: v.channel } : { range: v.range, channel: v.channel },
  );

export type OverviewFilters = z.infer<typeof overviewFiltersSchema>;

export const defaultOverviewFilters: OverviewFilters = { range: "30", channel: "all" };

/** Filters from URL search params; anything invalid falls back to the defaults (a shared link never breaks the page). */
export function filtersFromSearch(search: Record<string, string | string[] | undefined> | URLSearchParams): OverviewFilters {
  const entries = search instanceof URLSearchParams ? Object.fromEntries(search) : Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = overviewFiltersSchema.safeParse(entries);
  return parsed.success ? parsed.data : defaultOverviewFilters;
}

/** The filters as URL search params (defaults left out, so the plain URL is the default view). */
export function filtersToSearch(filters: OverviewFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range !== defaultOverviewFilters.range) params.set("range", filters.range);
  if (filters.range === "custom") {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  if (filters.channel !== "all") params.set("channel", filters.channel);
  return params;
}

/** The days the filters cover, in the account's time zone, and the previous period of the same length. */
export function resolveRange(filters: OverviewFilters, timeZone: string, now: Date = new Date()) {
  const to = filters.range === "custom" ? filters.to : todayIn(timeZone, now);
  const from = filters.range === "custom" ? filters.from : addDays(to, 1 - Number(filters.range));
  const days = daysBetween(from, to);
  return { from, to, days, previousFrom: addDays(from, -days), previousTo: addDays(from, -1) };
}
