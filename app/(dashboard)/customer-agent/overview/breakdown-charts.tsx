"use client";

import { useTranslations } from "@/lib/i18n/client";
import { ChartCard } from "@/components/charts/chart-card";
import { Toggletip } from "@/components/ui/toggletip";
import { SeriesChart } from "@/components/charts/series-chart";
import { destinationsOf, outcomes, type OverviewData } from "@/lib/overview/contract";
import { forwardingColors, funnelColors, outcomeColors } from "./colors";
import { useOverviewFormat } from "./use-overview-format";

const states = ["delivered", "retrying", "failed"] as const;
const steps = ["offered", "accepted", "declined", "abandoned"] as const;

/** Outcomes on each channel, stacked. */
export function ChannelChart({ data }: { data: OverviewData }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const channels = data.byChannel;
  const outcomeSeries = outcomes.map((o) => ({ key: o, label: t(`outcomes.${o}`), color: outcomeColors[o] }));
  return (
    <ChartCard
      testId="chart-channels"
      info={
        <Toggletip label={t("aboutFigure", { figure: t("charts.channels.title") })} align="right">
          {t("definitions.outcomes")}
        </Toggletip>
      }
      title={t("charts.channels.title")}
      description={t("charts.channels.description")}
      empty={data.current.conversations === 0 ? t("charts.empty") : null}
      table={{
        caption: t("charts.tableCaption", { title: t("charts.channels.title") }),
        columns: [t("filters.channel"), ...outcomeSeries.map((s) => s.label), t("charts.total")],
        rows: channels.map((c) => ({
          key: c.channel,
          cells: [t(`filters.channels.${c.channel}`), ...outcomes.map((o) => f.count(c.outcomes[o])), f.count(c.conversations)],
        })),
      }}
    >
      <SeriesChart
        kind="stacked-bar"
        layout="vertical"
        height={channels.length > 1 ? 150 : 110}
        title={t("charts.channels.title")}
        series={outcomeSeries}
        yFormat={f.count}
        data={channels.map((c) => ({ key: c.channel, label: t(`filters.channels.${c.channel}`), ...c.outcomes }))}
        tooltip={(i) => {
          const c = channels[i];
          if (!c) return null;
          return {
            title: t(`filters.channels.${c.channel}`),
            rows: outcomes.map((o) => ({ label: t(`outcomes.${o}`), value: f.withShare(c.outcomes[o], c.conversations), color: outcomeColors[o] })),
            footer: { label: t("charts.total"), value: f.count(c.conversations) },
          };
        }}
      />
    </ChartCard>
  );
}

/** Handoffs by destination, stacked by forwarding state. */
export function DestinationsChart({ data }: { data: OverviewData }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const forwarding = data.current.forwarding;
  const handoffs = destinationsOf(forwarding).map((d) => ({ destination: d, ...forwarding[d], total: states.reduce((sum, s) => sum + forwarding[d][s], 0) }));
  const handoffTotal = handoffs.reduce((sum, h) => sum + h.total, 0);
  const stateSeries = states.map((s) => ({ key: s, label: t(`forwardingStates.${s}`), color: forwardingColors[s] }));
  return (
    <ChartCard
      testId="chart-destinations"
      info={
        <Toggletip label={t("aboutFigure", { figure: t("charts.destinations.title") })} align="right">
          {t("definitions.forwarding")}
        </Toggletip>
      }
      title={t("charts.destinations.title")}
      description={t("charts.destinations.description")}
      empty={handoffTotal === 0 ? t("charts.emptyHandoffs") : null}
      table={{
        caption: t("charts.tableCaption", { title: t("charts.destinations.title") }),
        columns: [t("charts.destinations.title"), ...stateSeries.map((s) => s.label), t("charts.total")],
        rows: handoffs.map((h) => ({ key: h.destination, cells: [t(`destinations.${h.destination}`), ...states.map((s) => f.count(h[s])), f.count(h.total)] })),
      }}
    >
      <SeriesChart
        kind="stacked-bar"
        layout="vertical"
        height={170}
        title={t("charts.destinations.title")}
        series={stateSeries}
        yFormat={f.count}
        data={handoffs.map((h) => ({
          key: h.destination,
          label: t(`destinations.${h.destination}`),
          delivered: h.delivered,
          retrying: h.retrying,
          failed: h.failed,
        }))}
        tooltip={(i) => {
          const h = handoffs[i];
          if (!h) return null;
          return {
            title: t(`destinations.${h.destination}`),
            rows: states.map((s) => ({ label: t(`forwardingStates.${s}`), value: f.withShare(h[s], h.total), color: forwardingColors[s] })),
            footer: { label: t("charts.total"), value: f.withShare(h.total, handoffTotal) },
          };
        }}
      />
    </ChartCard>
  );
}

/** The consent funnel: offers of a human, and how each ended. */
export function FunnelChart({ data }: { data: OverviewData }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const funnel = data.current.funnel;
  const stepSeries = steps.map((s) => ({ key: s, label: t(`funnelSteps.${s}`), color: funnelColors[s] }));
  return (
    <ChartCard
      testId="chart-funnel"
      info={
        <Toggletip label={t("aboutFigure", { figure: t("charts.funnel.title") })} align="right">
          {t("definitions.funnel")}
        </Toggletip>
      }
      title={t("charts.funnel.title")}
      description={t("charts.funnel.description")}
      empty={funnel.offered === 0 ? t("charts.emptyOffers") : null}
      table={{
        caption: t("charts.tableCaption", { title: t("charts.funnel.title") }),
        columns: [t("charts.funnel.title"), t("tiles.conversations")],
        rows: steps.map((s) => ({ key: s, cells: [t(`funnelSteps.${s}`), f.withShare(funnel[s], funnel.offered)] })),
      }}
    >
      <SeriesChart
        kind="stacked-bar"
        layout="vertical"
        height={220}
        showLegend={false}
        title={t("charts.funnel.title")}
        series={stepSeries}
        yFormat={f.count}
        data={steps.map((s) => ({ key: s, label: t(`funnelSteps.${s}`), ...Object.fromEntries(steps.map((other) => [other, other === s ? funnel[s] : 0])) }))}
        tooltip={(i) => {
          const s = steps[i];
          if (!s) return null;
          return {
            title: t(`funnelSteps.${s}`),
            rows: [{ label: t("tiles.conversations"), value: f.withShare(funnel[s], funnel.offered), color: funnelColors[s] }],
          };
        }}
      />
    </ChartCard>
  );
}
