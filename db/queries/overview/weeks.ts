// Calendar days as ISO strings (YYYY-MM-DD), split for the `*_weeks` tables. Arithmetic in UTC,
// where every day has 24 hours (db/ does not import lib/overview/days.ts).

const DAY_MS = 86_400_000;
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number) => new Date(parse(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** Days after the Monday of the day's week (0 on a Monday), like PostgreSQL's date_trunc('week', …). */
const daysSinceMonday = (day: string) => (parse(day).getUTCDay() + 6) % 7;

/**
 * A range of days split for the per-week rows: the Mondays of the weeks it holds whole (null
 * when none), and the days before and after them, each as [first, last], both included.
 */
export function splitByWeeks(from: string, to: string): { weeks: [string, string] | null; days: Array<[string, string]> } {
  const firstMonday = addDays(from, (7 - daysSinceMonday(from)) % 7);
  const lastMonday = addDays(to, -daysSinceMonday(to) - (daysSinceMonday(to) === 6 ? 0 : 7));
  if (firstMonday > lastMonday) return { weeks: null, days: from <= to ? [[from, to]] : [] };
  const days: Array<[string, string]> = [];
  if (from < firstMonday) days.push([from, addDays(firstMonday, -1)]);
  if (addDays(lastMonday, 6) < to) days.push([addDays(lastMonday, 7), to]);
  return { weeks: [firstMonday, lastMonday], days };
}
