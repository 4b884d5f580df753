"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { EXCEPTION_LABEL_MAX, EXCEPTIONS_MAX } from "@/lib/validation/business-hours-limits";
import { field, newKey, RangeList, type EditableRange } from "./range-list";

export type EditableException = { key: number; date: string; label: string; closed: boolean; ranges: EditableRange[] };

/** Holidays and special hours: each a date that replaces that day of the weekly schedule. */
export function ExceptionFields({
  exceptions,
  onChange,
  errorFor,
  today,
}: {
  exceptions: EditableException[];
  onChange: (exceptions: EditableException[]) => void;
  errorFor: (field: string) => string | undefined;
  /** The account's date today (YYYY-MM-DD): earlier exceptions are marked as past. */
  today: string;
}) {
  const t = useTranslations("businessHours");
  const update = (key: number, patch: Partial<EditableException>) => onChange(exceptions.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  return (
    <div className="space-y-3">
      {exceptions.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">{t("noExceptions")}</p>
      ) : (
        <ul className="space-y-3" data-testid="exceptions">
          {exceptions.map((exception, i) => {
            const index = i + 1;
            const dateError = errorFor(`exceptions.${i}.date`);
            const labelError = errorFor(`exceptions.${i}.label`);
            const rangesError = errorFor(`exceptions.${i}.ranges`);
            const past = exception.date !== "" && exception.date < today;
            return (
              <li key={exception.key} className={`rounded-lg border border-slate-200 p-3 ${past ? "bg-slate-50" : "bg-white"}`}>
                <div className="flex flex-wrap items-start gap-2">
                  <div>
                    <input
                      type="date"
                      name={`exceptions.${i}.date`}
                      value={exception.date}
                      required
                      aria-label={t("exceptionDate", { index })}
                      aria-invalid={dateError ? true : undefined}
                      onChange={(e) => update(exception.key, { date: e.target.value })}
                      className={`${field} ${dateError ? "border-red-500" : "border-slate-300"}`}
                    />
                    {dateError ? <p className="mt-1 text-xs text-red-700">{dateError}</p> : null}
                  </div>
                  <div className="min-w-40 flex-1">
                    <input
                      name={`exceptions.${i}.label`}
                      value={exception.label}
                      maxLength={EXCEPTION_LABEL_MAX + 20}
                      placeholder={t("exceptionLabelPlaceholder")}
                      aria-label={t("exceptionLabel", { index })}
                      aria-invalid={labelError ? true : undefined}
                      onChange={(e) => update(exception.key, { label: e.target.value })}
                      className={`${field} w-full ${labelError ? "border-red-500" : "border-slate-300"}`}
                    />
                    {labelError ? <p className="mt-1 text-xs text-red-700">{labelError}</p> : null}
                  </div>
                  <select
                    name={`exceptions.${i}.kind`}
                    value={exception.closed ? "closed" : "hours"}
                    aria-label={t("exceptionKind", { index })}
                    onChange={(e) => {
                      const closed = e.target.value === "closed";
                      update(exception.key, {
                        closed,
                        ranges: !closed && exception.ranges.length === 0 ? [{ key: newKey(), start: "10:00", end: "14:00" }] : exception.ranges,
                      });
                    }}
                    className={`${field} border-slate-300`}
                  >
                    <option value="closed">{t("kindClosed")}</option>
                    <option value="hours">{t("kindHours")}</option>
                  </select>
                  {past ? <span className="self-center rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">{t("past")}</span> : null}
                  <Button
                    type="button"
                    variant="ghost"
                    className="ml-auto"
                    aria-label={t("removeException", { index })}
                    onClick={() => onChange(exceptions.filter((e) => e.key !== exception.key))}
                  >
                    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
                      <path d="M6 6l8 8M14 6l-8 8" />
                    </svg>
                  </Button>
                </div>
                {!exception.closed ? (
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    <RangeList
                      name={`exceptions.${i}.ranges`}
                      day={t("exceptionDay", { index })}
                      ranges={exception.ranges}
                      onChange={(ranges) => update(exception.key, { ranges })}
                      errorFor={errorFor}
                    />
                    {rangesError ? <p className="mt-1 text-xs text-red-700">{rangesError}</p> : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Button
        type="button"
        variant="secondary"
        disabled={exceptions.length >= EXCEPTIONS_MAX}
        onClick={() => onChange([...exceptions, { key: newKey(), date: "", label: "", closed: true, ranges: [] }])}
      >
        {t("addException")}
      </Button>
    </div>
  );
}
