"use client";

import { useTranslations } from "@/lib/i18n/client";
import { ChartCard } from "@/components/charts/chart-card";
import { Toggletip } from "@/components/ui/toggletip";
import { SeriesChart } from "@/components/charts/series-chart";
import { outcomes, type OverviewData, type SeriesPoint } from "@/lib/overview/contract";
import { share } from "@/lib/overview/figures";
import { outcomeColors } from "./colors";
import { useOverviewFormat } from "./use-overview-format";

/** Periods the Customer Agent was off in: named in tables and tooltips, shaded on the chart, explained under its title. */
function useAgentOffMarks(points: SeriesPoint[]) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const off = points.filter((p) => p.agentOff);
  return {
    periodOf: (p: SeriesPoint) => (p.agentOff ? t("charts.agentOffMark", { period: f.span(p.start, p.end) }) : f.span(p.start, p.end)),
    shaded: off.map((p) => f.day(p.start)),
    legend: off.length > 0 ? ` ${t("charts.agentOffLegend")}` : "",
  };
}

/** Resolution and routed-to-team rates over time (daily, or weekly for long ranges). */
export function RatesChart({ data, className = "" }: { data: OverviewData; className?: string }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const points = data.series;
  const { periodOf, shaded, legend } = useAgentOffMarks(points);
  const rateSeries = [
    { key: "resolution", label: t("charts.rates.resolution"), color: outcomeColors.resolved },
    { key: "routed", label: t("charts.rates.routed"), color: outcomeColors.routed },
  ];
  const pct = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : null);
  return (
    <ChartCard
      testId="chart-rates"
      info={
        <Toggletip
          label={t("aboutFigure", { figure: t("charts.rates.title") })}
          align="right"
        >{`${t("definitions.resolution")} ${t("definitions.routed")}`}</Toggletip>
      }
      className={className}
      title={t("charts.rates.title")}
      description={`${t("charts.rates.description", { granularity: data.range.granularity })}${legend}`}
      empty={data.current.conversations === 0 ? t("charts.empty") : null}
      table={{
        caption: t("charts.tableCaption", { title: t("charts.rates.title") }),
        columns: [t("charts.period"), ...rateSeries.map((s) => s.label), t("tiles.conversations")],
        rows: points.map((p) => ({
          key: p.start,
          cells: [
            periodOf(p),
            f.percent(share(p.outcomes.resolved, p.conversations)),
            f.percent(share(p.outcomes.routed, p.conversations)),
            f.count(p.conversations),
          ],
        })),
      }}
    >
      <SeriesChart
        kind="line"
        title={t("charts.rates.title")}
        series={rateSeries}
        yDomain={[0, 100]}
        shaded={shaded}
        yFormat={(v) => f.percent(v / 100)}
        data={points.map((p) => ({
          key: p.start,
          label: f.day(p.start),
          resolution: pct(p.outcomes.resolved, p.conversations),
          routed: pct(p.outcomes.routed, p.conversations),
        }))}
        tooltip={(i) => {
          const p = points[i];
          if (!p) return null;
          return {
            title: periodOf(p),
            rows: [
              { label: rateSeries[0]!.label, value: f.rateOf(p.outcomes.resolved, p.conversations), color: rateSeries[0]!.color },
              { label: rateSeries[1]!.label, value: f.rateOf(p.outcomes.routed, p.conversations), color: rateSeries[1]!.color },
            ],
            footer: { label: t("tiles.conversations"), value: f.count(p.conversations) },
          };
        }}
      />
    </ChartCard>
  );
}

/** Conversations by outcome over time, stacked: each conversation counted once. */
export function OutcomesChart({ data, className = "" }: { data: OverviewData; className?: string }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const points = data.series;
  const { periodOf, shaded, legend } = useAgentOffMarks(points);
  const outcomeSeries = outcomes.map((o) => ({ key: o, label: t(`outcomes.${o}`), color: outcomeColors[o] }));
  return (
    <ChartCard
      testId="chart-outcomes"
      info={
        <Toggletip label={t("aboutFigure", { figure: t("charts.outcomes.title") })} align="right">
          {t("definitions.outcomes")}
        </Toggletip>
      }
      className={className}
      title={t("charts.outcomes.title")}
      description={`${t("charts.outcomes.description")}${legend}`}
      empty={data.current.conversations === 0 ? t("charts.empty") : null}
      table={{
        caption: t("charts.tableCaption", { title: t("charts.outcomes.title") }),
        columns: [t("charts.period"), ...outcomeSeries.map((s) => s.label), t("charts.total")],
        rows: points.map((p) => ({ key: p.start, cells: [periodOf(p), ...outcomes.map((o) => f.count(p.outcomes[o])), f.count(p.conversations)] })),
      }}
    >
      <SeriesChart
        kind="stacked-bar"
        height={400}
        title={t("charts.outcomes.title")}
        series={outcomeSeries}
        yFormat={f.count}
        shaded={shaded}
        data={points.map((p) => ({ key: p.start, label: f.day(p.start), ...p.outcomes }))}
        tooltip={(i) => {
          const p = points[i];
          if (!p) return null;
          return {
            title: periodOf(p),
            rows: [...outcomes].reverse().map((o) => ({
              label: t(`outcomes.${o}`),
              value: f.withShare(p.outcomes[o], p.conversations),
              color: outcomeColors[o],
            })),
            footer: { label: t("charts.total"), value: f.count(p.conversations) },
          };
        }}
      />
    </ChartCard>
  );
}
