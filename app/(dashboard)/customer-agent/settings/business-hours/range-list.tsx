"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Fragment } from "react";
import { Button } from "@/components/ui/button";
import { rangeMinutes } from "@/lib/availability/schedule";
import { RANGES_PER_DAY_MAX } from "@/lib/validation/business-hours-limits";

export type EditableRange = { key: number; start: string; end: string };

export const field =
  "rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none transition focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 disabled:bg-slate-50 disabled:text-slate-600";

let lastKey = 10_000;
/** Keys for rows added in the browser (rows from the server are keyed by their index). */
export const newKey = () => ++lastKey;
export const withKeys = (ranges: Array<{ start: string; end: string }>): EditableRange[] => ranges.map((r, i) => ({ key: i, ...r }));

/**
 * Time ranges of one day (or one exception), submitted as `${name}.N.start` / `${name}.N.end`.
 * A range that ends at or before its start is marked as running into the next day.
 */
export function RangeList({
  name,
  day,
  ranges,
  onChange,
  errorFor,
}: {
  name: string;
  /** Names the day in labels: "Monday opens, range 1". */
  day: string;
  ranges: EditableRange[];
  onChange: (ranges: EditableRange[]) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const t = useTranslations("businessHours");
  const update = (key: number, patch: Partial<EditableRange>) => onChange(ranges.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {ranges.map((range, i) => {
          const index = i + 1;
          const span = rangeMinutes(range);
          const error = errorFor(`${name}.${i}.start`) ?? errorFor(`${name}.${i}.end`);
          const invalid = error ? true : undefined;
          return (
            <li key={range.key}>
              <div className="flex flex-wrap items-center gap-2">
                {(["start", "end"] as const).map((edge) => (
                  <Fragment key={edge}>
                    {edge === "end" ? <span className="text-sm text-slate-500">{t("to")}</span> : null}
                    <input
                      type="time"
                      name={`${name}.${i}.${edge}`}
                      value={range[edge]}
                      required
                      aria-label={t(edge === "start" ? "opens" : "closes", { day, index })}
                      aria-invalid={invalid}
                      onChange={(e) => update(range.key, { [edge]: e.target.value })}
                      className={`${field} ${error ? "border-red-500" : "border-slate-300"}`}
                    />
                  </Fragment>
                ))}
                {span && range.start === "00:00" && range.end === "00:00" ? (
                  <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">{t("allDay")}</span>
                ) : span && range.start !== range.end && span.end > 1440 ? (
                  <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{t("nextDay")}</span>
                ) : null}
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2! py-1.5!"
                  aria-label={t("removeRange", { day, index })}
                  onClick={() => onChange(ranges.filter((r) => r.key !== range.key))}
                >
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                    <path d="M6 6l8 8M14 6l-8 8" />
                  </svg>
                </Button>
              </div>
              {error ? <p className="mt-1 text-xs text-red-700">{error}</p> : null}
            </li>
          );
        })}
      </ul>
      {ranges.length < RANGES_PER_DAY_MAX ? (
        <button
          type="button"
          aria-label={t("addRangeTo", { day })}
          onClick={() => onChange([...ranges, { key: newKey(), ...(ranges.length === 0 ? { start: "09:00", end: "17:00" } : { start: "", end: "" }) }])}
          className="rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400"
        >
          {t("addRange")}
        </button>
      ) : null}
    </div>
  );
}
