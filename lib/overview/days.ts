// Calendar days as ISO strings (YYYY-MM-DD). The overview's days are the account's local days;
// arithmetic on them is done in UTC, where every day has 24 hours.

import { isoDate, localDayAndMinute } from "@/lib/availability/time-zone";

const DAY_MS = 86_400_000;

export const isIsoDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && toIsoDay(parseIsoDay(value)) === value;

const parseIsoDay = (day: string) => new Date(`${day}T00:00:00Z`);
const toIsoDay = (date: Date) => (Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10));

export const addDays = (day: string, days: number) => toIsoDay(new Date(parseIsoDay(day).getTime() + days * DAY_MS));

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) => Math.round((parseIsoDay(to).getTime() - parseIsoDay(from).getTime()) / DAY_MS) + 1;

/** Today's date in a time zone (an IANA name), at `now`. */
export const todayIn = (timeZone: string, now: Date = new Date()): string => isoDate(localDayAndMinute(now.getTime(), timeZone).day);

/** A day at noon UTC: formatting it in UTC shows the same calendar day in every browser. */
export const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);
