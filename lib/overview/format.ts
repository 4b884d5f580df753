import type { Formatter, Translate } from "@/lib/i18n/client";
import { share, type Change } from "@/lib/overview/figures";
import { dayAsDate } from "@/lib/overview/days";

export type { Formatter };
export type OverviewTexts = Translate<"overview">;

/**
 * How the overview writes its numbers, shares, days, date ranges, durations and changes, in the
 * formatter's language: Intl through the browser's formatter (lib/i18n/client.tsx), never string building (`66,8%`, `1–30 de nov.`).
 */
export function overviewFormat(format: Formatter, t: OverviewTexts) {
  const count = (n: number) => format.number(n);
  const percent = (v: number | null) => (v === null ? t("tiles.empty") : format.number(v, { style: "percent", maximumFractionDigits: 1 }));
  const day = (d: string, withYear = false) =>
    format.dateTime(dayAsDate(d), { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
  /** Two days as the language writes a range ("Nov 1 – 30, 2026", "1–30 de nov. de 2026"), through Intl. */
  const range = (from: string, to: string, withYear = false) =>
    from === to
      ? day(from, withYear)
      : format.dateTimeRange(dayAsDate(from), dayAsDate(to), { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
  const span = (from: string, to: string) => range(from, to);
  /** "120 (45.2%)" */
  const withShare = (n: number, total: number) => t("charts.share", { count: count(n), share: percent(share(n, total)) });
  /** "45.2% (120 of 265)" */
  const rateOf = (n: number, total: number) => t("charts.rateOf", { share: percent(share(n, total)), count: count(n), total: count(total) });

  function duration(seconds: number | null) {
    if (seconds === null) return t("tiles.empty");
    const s = Math.round(seconds);
    if (s < 60) return t("duration.seconds", { s });
    if (s < 600) return t("duration.minutes", { m: Math.floor(s / 60), s: s % 60 });
    if (s < 3600) return t("duration.minutesOnly", { m: Math.round(s / 60) });
    if (s < 86_400) return t("duration.hours", { h: Math.floor(s / 3600), m: Math.round((s % 3600) / 60) });
    return t("duration.days", { d: Math.floor(s / 86_400), h: Math.round((s % 86_400) / 3600) });
  }

  /** The badge text of a change, and whether it went up, down or nowhere. */
  function change(c: Change): { text: string; direction: "up" | "down" | "flat" | "none" } {
    if (c.kind === "none") return { text: t("change.none"), direction: "none" };
    if (c.kind === "new") return { text: t("change.new"), direction: "up" };
    const size = Math.abs(c.delta);
    const value =
      c.kind === "points"
        ? t("change.points", { value: format.number(size, { maximumFractionDigits: 1 }) })
        : format.number(size, { style: "percent", maximumFractionDigits: size < 0.1 ? 1 : 0 });
    const rounded = c.kind === "points" ? Math.round(size * 10) : Math.round(size * 1000);
    if (rounded === 0) return { text: t("change.same"), direction: "flat" };
    return c.delta > 0 ? { text: t("change.up", { value }), direction: "up" } : { text: t("change.down", { value }), direction: "down" };
  }

  return { count, percent, day, range, span, withShare, rateOf, duration, change };
}
