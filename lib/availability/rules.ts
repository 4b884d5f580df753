// The shape of business hours, shared by the database schema, validation, the pure availability
// functions and the form (no runtime dependencies: safe in the browser).

import type { HoursException, TimeRange, Weekday, WeeklySchedule } from "@/db/schema/availability";

export type { HoursException, TimeRange, Weekday, WeeklySchedule };

/** Monday first, as the form lists them. */
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const satisfies readonly Weekday[];

/** The rules of business hours; the time zone travels beside them. */
export type HoursRules = { weekly: WeeklySchedule; exceptions: HoursException[] };

/** A value for each day of the week. */
export const mapWeek = <T>(value: (day: Weekday) => T): Record<Weekday, T> => Object.fromEntries(weekdays.map((d) => [d, value(d)])) as Record<Weekday, T>;

/** Open around the clock: what an account without business hours gets. */
export const alwaysOpen: WeeklySchedule = mapWeek(() => [{ start: "00:00", end: "00:00" }]);
