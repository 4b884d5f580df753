"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { channelFilters, checkOverviewFilters, presetRanges, type OverviewFilters } from "@/lib/validation/overview-filters";

const segment = (active: boolean) =>
  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-indigo-600 ${
    active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900"
  }`;

type ErrorKey = "range_reversed" | "range_too_long" | "date_required" | "invalid_date";

/**
 * Date range (presets or a custom inclusive range of the account's days) and channel. Changes go
 * to `onChange`, which puts them in the URL; a custom range applies when both dates are valid.
 */
export function OverviewFilters({
  filters,
  range,
  onChange,
}: {
  filters: OverviewFilters;
  range: { from: string; to: string };
  onChange: (next: OverviewFilters) => void;
}) {
  const t = useTranslations("overview.filters");
  const [custom, setCustom] = useState(filters.range === "custom");
  const [from, setFrom] = useState(filters.range === "custom" ? filters.from : range.from);
  const [to, setTo] = useState(filters.range === "custom" ? filters.to : range.to);
  const [error, setError] = useState<ErrorKey | null>(null);

  function applyCustom(event: FormEvent) {
    event.preventDefault();
    const checked = checkOverviewFilters({ range: "custom", from, to, channel: filters.channel });
    if (!checked.data) {
      setError((checked.issues[0]?.message as ErrorKey | undefined) ?? "invalid_date");
      return;
    }
    setError(null);
    onChange(checked.data);
  }

  return (
    <div role="group" aria-label={t("label")} className="flex flex-col items-start gap-3 lg:items-end">
      <div className="flex flex-wrap items-center gap-3">
        <div role="group" aria-label={t("range")} className="flex rounded-lg bg-slate-100 p-1">
          {presetRanges.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={!custom && filters.range === r}
              className={segment(!custom && filters.range === r)}
              onClick={() => {
                setCustom(false);
                setError(null);
                onChange({ range: r, channel: filters.channel });
              }}
            >
              {t(`presets.${r}`)}
            </button>
          ))}
          <button
            type="button"
            aria-pressed={custom}
            aria-expanded={custom}
            aria-controls="overview-custom-range"
            className={segment(custom)}
            onClick={() => setCustom(true)}
          >
            {t("presets.custom")}
          </button>
        </div>
        <div role="group" aria-label={t("channel")} className="flex rounded-lg bg-slate-100 p-1">
          {channelFilters.map((c) => (
            <button
              key={c}
              type="button"
              aria-pressed={filters.channel === c}
              className={segment(filters.channel === c)}
              onClick={() => onChange({ ...filters, channel: c })}
            >
              {t(`channels.${c}`)}
            </button>
          ))}
        </div>
      </div>
      {custom ? (
        <form id="overview-custom-range" onSubmit={applyCustom} noValidate className="flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("from")}
            <input
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "overview-range-error" : undefined}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
            {t("to")}
            <input
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "overview-range-error" : undefined}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
            />
          </label>
          <Button type="submit" variant="secondary" className="py-1.5">
            {t("apply")}
          </Button>
          {error ? (
            <p id="overview-range-error" role="alert" className="w-full text-xs text-rose-700">
              {t(`errors.${error}`)}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
