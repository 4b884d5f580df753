import type { HoursRules } from "./rules";
import { closingAfter, isOpenAt, nextOpeningAfter } from "./schedule";

/**
 * The instant by which `durationMs` of business time has passed since `start`: time while the
 * team's hours are closed does not count (a handoff at 23:00 with hours from 09:00 starts counting
 * at 09:00). Built on the same schedule functions as the availability the widget shows. Null when
 * the hours never open again within their horizon.
 */
export function businessDeadline(rules: HoursRules, timeZone: string, start: number, durationMs: number): number | null {
  let at = start;
  let remaining = durationMs;
  // Each turn spends one open period; a year of periods is far beyond any threshold.
  for (let turn = 0; turn < 2000; turn++) {
    if (!isOpenAt(rules, timeZone, at)) {
      const opening = nextOpeningAfter(rules, timeZone, at);
      if (opening === null) return null;
      at = opening;
    }
    const closing = closingAfter(rules, timeZone, at);
    if (closing === null || closing - at >= remaining) return at + remaining;
    remaining -= closing - at;
    at = closing;
  }
  return null;
}
