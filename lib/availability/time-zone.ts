// Wall-clock arithmetic in an IANA time zone with Intl only (no date library): pure and safe in
// the browser. Local dates are day numbers (days since 1970-01-01), which makes "the next day"
// plain addition and keeps DST out of date arithmetic.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the zone; returns its canonical spelling (e.g. `america/new_york` → `America/New_York`). */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!timeZone || timeZone.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The instant's wall-clock time in the zone, as if it were UTC (milliseconds, seconds precision). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at that instant, in milliseconds (New York in winter: -5 h). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, timeZone) - whole;
}

/** The local date (day number) and minute of the day of an instant. */
export function localDayAndMinute(instant: number, timeZone: string): { day: number; minute: number } {
  const local = wallClock(instant, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, minute: Math.floor((local - day * DAY_MS) / 60_000) };
}

/**
 * The instant when the zone's clocks show `minute` minutes after the start of local `day`
 * (minutes past 1440 fall on the following days). Disambiguated like Temporal's "compatible":
 * a time skipped by a DST jump moves forward by the jump (02:30 → 03:30), a time that happens
 * twice takes the earlier one.
 */
export function instantOf(day: number, minute: number, timeZone: string): number {
  const local = day * DAY_MS + minute * 60_000;
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  if (before === after) return local - before;
  const candidates = [local - before, local - after].filter((t) => wallClock(t, timeZone) === local);
  // In a gap neither candidate shows this wall time: the earlier offset lands just past the jump.
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

/** Monday 0 … Sunday 6 (1970-01-01, day 0, was a Thursday). */
export const weekdayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

/** "YYYY-MM-DD" of a day number, and back (null when not a real date). */
export const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export function dayOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDate(ms / DAY_MS) === date ? ms / DAY_MS : null;
}

/** "HH:MM" → minutes after midnight (null when malformed). */
export function minuteOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

const optionsCache: { hour?: number; options?: Array<{ value: string; label: string }> } = {};

/** Every zone Intl knows (and UTC), labelled with its offset now ("America/New York (GMT-5)"); recomputed hourly. */
export function timeZoneOptions(now: Date): Array<{ value: string; label: string }> {
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (optionsCache.hour !== hour || !optionsCache.options) {
    const zones = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
    optionsCache.options = zones.map((value) => {
      const offset =
        new Intl.DateTimeFormat("en-US", { timeZone: value, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value ??
        "";
      return { value, label: `${value.replaceAll("_", " ")} (${offset})` };
    });
    optionsCache.hour = hour;
  }
  return optionsCache.options;
}
