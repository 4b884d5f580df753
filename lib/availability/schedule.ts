import { weekdays, type HoursException, type HoursRules, type TimeRange } from "./rules";
import { instantOf, isoDate, localDayAndMinute, minuteOf, weekdayIndex } from "./time-zone";

type Interval = { start: number; end: number };

/** How far ahead the next opening is looked for (a long closure still finds the reopening). */
const HORIZON_DAYS = 400;

/** A range in minutes after the start of its day; an end at or before the start ends the next day. */
export function rangeMinutes(range: TimeRange): { start: number; end: number } | null {
  const start = minuteOf(range.start);
  const end = minuteOf(range.end);
  if (start === null || end === null) return null;
  return { start, end: end <= start ? end + 1440 : end };
}

/**
 * The ranges that start on a local day: its exception's when one exists for that date (none when
 * closed), else the weekly schedule's. A range belongs to the day it starts, so Monday 22:00–02:00
 * still runs into a Tuesday holiday.
 */
export function rangesOn(rules: HoursRules, day: number): TimeRange[] {
  const date = isoDate(day);
  const exception = rules.exceptions.find((e) => e.date === date);
  if (exception) return exception.closed ? [] : exception.ranges;
  return rules.weekly[weekdays[weekdayIndex(day)]!] ?? [];
}

/** The day's ranges as instants, in order of their start. */
function intervalsOn(rules: HoursRules, timeZone: string, day: number): Interval[] {
  return rangesOn(rules, day)
    .map(rangeMinutes)
    .filter((r) => r !== null)
    .map((r) => ({ start: instantOf(day, r.start, timeZone), end: instantOf(day, r.end, timeZone) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
}

/** Whether the team's hours include this instant (yesterday's ranges may run past midnight). */
export function isOpenAt(rules: HoursRules, timeZone: string, at: number): boolean {
  const { day } = localDayAndMinute(at, timeZone);
  return [day - 1, day].some((d) => intervalsOn(rules, timeZone, d).some((i) => i.start <= at && at < i.end));
}

/** The first opening after a closed instant, or null when none within the horizon. */
export function nextOpeningAfter(rules: HoursRules, timeZone: string, at: number): number | null {
  const { day } = localDayAndMinute(at, timeZone);
  for (let d = day; d <= day + HORIZON_DAYS; d++) {
    const next = intervalsOn(rules, timeZone, d).find((i) => i.start > at);
    if (next) return next.start;
  }
  return null;
}

/**
 * When an open period that includes `at` ends, joining ranges that touch or overlap (Monday
 * 22:00–24:00 and Tuesday 00:00–06:00 close at 06:00). Null when it stays open for a week or more.
 */
export function closingAfter(rules: HoursRules, timeZone: string, at: number): number | null {
  const { day } = localDayAndMinute(at, timeZone);
  const intervals: Interval[] = [];
  for (let d = day - 1; d <= day + 8; d++) intervals.push(...intervalsOn(rules, timeZone, d));
  intervals.sort((a, b) => a.start - b.start);
  let end = at;
  for (const i of intervals) {
    if (i.start > end) break;
    end = Math.max(end, i.end);
  }
  return end === at || end >= at + 7 * 86_400_000 ? null : end;
}

/** The day's exception, when that date has one. */
export function exceptionOn(rules: HoursRules, day: number): HoursException | null {
  const date = isoDate(day);
  return rules.exceptions.find((e) => e.date === date) ?? null;
}
