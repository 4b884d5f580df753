"use client";

import { useTranslations } from "@/lib/i18n/client";
import { weekdays, type Weekday } from "@/lib/availability/rules";
import { RangeList, withKeys, type EditableRange } from "./range-list";

export type EditableDay = { open: boolean; ranges: EditableRange[] };
export type EditableWeek = Record<Weekday, EditableDay>;

/** One row per day, Monday first: open or closed, and its ranges. A closed day keeps its ranges in case it reopens. */
export function WeeklyFields({
  week,
  onChange,
  errorFor,
  configured,
}: {
  week: EditableWeek;
  onChange: (week: EditableWeek) => void;
  errorFor: (field: string) => string | undefined;
  configured: boolean;
}) {
  const t = useTranslations("businessHours");
  const set = (day: Weekday, patch: Partial<EditableDay>) => onChange({ ...week, [day]: { ...week[day], ...patch } });
  return (
    <ul className="divide-y divide-slate-100" data-testid="weekly-schedule">
      {weekdays.map((d) => {
        const day = week[d];
        const name = t(`days.${d}`);
        return (
          <li key={d} className="grid gap-3 py-3 first:pt-0 last:pb-0 sm:grid-cols-[10rem_minmax(0,1fr)] sm:items-start">
            <label className="flex items-center gap-3 pt-1.5 text-sm font-medium text-slate-900">
              <input
                type="checkbox"
                checked={day.open}
                aria-label={t("openOn", { day: name })}
                onChange={(e) =>
                  set(d, {
                    open: e.target.checked,
                    ranges: e.target.checked && day.ranges.length === 0 ? withKeys([{ start: "09:00", end: "17:00" }]) : day.ranges,
                  })
                }
                className="size-4 accent-indigo-600"
              />
              {name}
            </label>
            {day.open ? (
              <RangeList
                name={`weekly.${d}`}
                day={name}
                ranges={day.ranges}
                onChange={(ranges) => set(d, { ranges, open: ranges.length > 0 })}
                errorFor={errorFor}
              />
            ) : (
              <p className="pt-1.5 text-sm text-slate-500">{configured ? t("closed") : t("notSet")}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
