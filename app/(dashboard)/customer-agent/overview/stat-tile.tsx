"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { ReactNode } from "react";
import { Toggletip } from "@/components/ui/toggletip";
import type { Change } from "@/lib/overview/figures";
import { useOverviewFormat } from "./use-overview-format";

const tones = {
  good: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  bad: "bg-rose-50 text-rose-700 ring-rose-600/20",
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/**
 * One headline figure: its value, the change against the previous period (green when it moved
 * the good way), a line of context and its definition behind an "i".
 */
export function StatTile({
  label,
  value,
  detail,
  change,
  better,
  previous,
  days,
  definition,
  testId,
  children,
}: {
  label: string;
  value: string;
  detail: ReactNode;
  change: Change;
  /** Which way is good news; "neutral" for volumes. */
  better: "up" | "down" | "neutral";
  /** The previous period's value, as text. */
  previous: string;
  days: number;
  definition: string;
  testId: string;
  children?: ReactNode;
}) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const shown = f.change(change);
  const size = shown.text.replace(/^[+−]/, "");
  const tone = better === "neutral" || shown.direction === "flat" || shown.direction === "none" ? "neutral" : shown.direction === better ? "good" : "bad";
  const spoken =
    shown.direction === "up" && change.kind !== "new"
      ? t("change.srUp", { value: size, days, previous })
      : shown.direction === "down"
        ? t("change.srDown", { value: size, days, previous })
        : shown.direction === "flat"
          ? t("change.srSame", { days })
          : change.kind === "new"
            ? t("change.srNew", { days })
            : t("change.srNone", { days });
  return (
    <div data-testid={testId} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-slate-600">{label}</h3>
        <Toggletip label={t("aboutFigure", { figure: label })} align="right">
          {definition}
        </Toggletip>
      </div>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className={`rounded-full px-2 py-0.5 font-medium ring-1 ring-inset tabular-nums ${tones[tone]}`} aria-hidden="true">
          {shown.text}
        </span>
        <span className="text-slate-500" aria-hidden="true">
          {t("change.context", { days })}
        </span>
        <span className="sr-only">{spoken}</span>
      </div>
      <p className="mt-3 text-xs text-slate-500">{detail}</p>
      {children}
    </div>
  );
}
