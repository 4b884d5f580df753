import { isoDate, localDayAndMinute } from "@/lib/availability/time-zone";
import { addDays } from "@/lib/overview/days";

export type DayRange = { from: string; to: string };

const maxDay = (a: string, b: string) => (a > b ? a : b);

/**
 * The local days of [from, to] on which the Customer Agent was off for at least part of the day,
 * as ranges of consecutive days. `switches` are the account's changes oldest first; before the
 * first one the agent was on (every account starts on). An agent still off is off until `now`.
 */
export function agentOffDays(
  switches: ReadonlyArray<{ enabled: boolean; at: Date }>,
  params: { from: string; to: string; timeZone: string; now: Date },
): DayRange[] {
  const off = new Set<string>();
  const dayOf = (instant: number) => isoDate(localDayAndMinute(instant, params.timeZone).day);
  const mark = (start: number, end: number) => {
    if (end <= start) return;
    const last = dayOf(end - 1);
    for (let day = maxDay(dayOf(start), params.from); day <= last && day <= params.to; day = addDays(day, 1)) off.add(day);
  };
  let offSince: number | null = null;
  for (const change of switches) {
    const at = change.at.getTime();
    if (!change.enabled && offSince === null) offSince = at;
    if (change.enabled && offSince !== null) {
      mark(offSince, at);
      offSince = null;
    }
  }
  if (offSince !== null) mark(offSince, Math.max(offSince + 1, params.now.getTime()));

  const ranges: DayRange[] = [];
  for (const day of [...off].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}

/** Whether any day of [start, end] falls in one of the ranges. */
export const overlapsOff = (ranges: readonly DayRange[], start: string, end: string) => ranges.some((r) => r.from <= end && r.to >= start);
