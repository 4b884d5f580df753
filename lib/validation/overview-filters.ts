// The overview's filters without zod: the same rules serve the API's schema (overview.ts) and the
// overview page in the browser, which then ships no validation library.
import { addDays, daysBetween, isIsoDay, todayIn } from "@/lib/overview/days";

export const presetRanges = ["7", "30", "90"] as const;
export const channelFilters = ["all", "web_chat", "sms"] as const;
/** Longest custom range: a year, so a comparison with the previous period stays meaningful. */
export const MAX_RANGE_DAYS = 366;

type Preset = (typeof presetRanges)[number];
type Channel = (typeof channelFilters)[number];

/**
 * The overview's filters, as they appear in the page's URL and in GET /api/overview: a preset
 * (the last 7, 30 or 90 days including today) or a custom inclusive range of the account's local
 * days, and a channel. Normalised: presets carry no dates, defaults are explicit.
 */
export type OverviewFilters = { range: Preset; channel: Channel } | { range: "custom"; from: string; to: string; channel: Channel };
/** What is wrong, per field; messages are the form's message keys. */
export type FilterIssue = { path: "range" | "from" | "to" | "channel"; message: string };

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === "string" && (list as readonly string[]).includes(value);

/** Checks and normalises raw filters (URL params, a form): the filters, or every issue found. */
export function checkOverviewFilters(input: Record<string, unknown>): { data: OverviewFilters; issues: [] } | { data: null; issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const { range = "30", channel = "all", from, to } = input;
  if (!oneOf([...presetRanges, "custom"] as const, range)) issues.push({ path: "range", message: "invalid_option" });
  if (!oneOf(channelFilters, channel)) issues.push({ path: "channel", message: "invalid_option" });
  for (const [path, day] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (day !== undefined && !(typeof day === "string" && isIsoDay(day))) issues.push({ path, message: "invalid_date" });
  }
  if (issues.length > 0 || !oneOf([...presetRanges, "custom"] as const, range) || !oneOf(channelFilters, channel)) return { data: null, issues };
  if (range !== "custom") return { data: { range, channel }, issues: [] };
  if (typeof from !== "string") issues.push({ path: "from", message: "date_required" });
  if (typeof to !== "string") issues.push({ path: "to", message: "date_required" });
  if (typeof from !== "string" || typeof to !== "string") return { data: null, issues };
  if (from > to) return { data: null, issues: [{ path: "to", message: "range_reversed" }] };
  if (daysBetween(from, to) > MAX_RANGE_DAYS) return { data: null, issues: [{ path: "to", message: "range_too_long" }] };
  return { data: { range, from, to, channel }, issues: [] };
}

export const defaultOverviewFilters: OverviewFilters = { range: "30", channel: "all" };

/** Filters from URL search params; anything invalid falls back to the defaults (a shared link never breaks the page). */
export function filtersFromSearch(search: Record<string, string | string[] | undefined> | URLSearchParams): OverviewFilters {
  const entries =
    search instanceof URLSearchParams
      ? Object.fromEntries(search)
      : Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return checkOverviewFilters(entries).data ?? defaultOverviewFilters;
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
