// The shape of business hours, shared by the database schema, validation, the pure availability
// functions and the form (no runtime dependencies: safe in the browser).

/** Monday first, as the form lists them. */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];

/** Local wall-clock times, "HH:MM". An end at or before the start ends the next day (00:00–00:00 is 24 hours). */
export type TimeRange = { start: string; end: string };
export type WeeklySchedule = Record<Weekday, TimeRange[]>;
/** A dated change to the weekly schedule: closed all day (a holiday) or special hours. */
export type HoursException = { date: string; label: string; closed: boolean; ranges: TimeRange[] };

/** The rules of business hours; the time zone travels beside them. */
export type HoursRules = { weekly: WeeklySchedule; exceptions: HoursException[] };

/** A value for each day of the week. */
export const mapWeek = <T,>(value: (day: Weekday) => T): Record<Weekday, T> => Object.fromEntries(weekdays.map((d) => [d, value(d)])) as Record<Weekday, T>;

/** Open around the clock: what an account without business hours gets. */
export const alwaysOpen: WeeklySchedule = mapWeek(() => [{ start: "00:00", end: "00:00" }]);
