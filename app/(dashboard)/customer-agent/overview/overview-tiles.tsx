"use client";

import { useTranslations } from "next-intl";
import { destinations, type OverviewData } from "@/lib/overview/contract";
import { pointsChange, rates, relativeChange } from "@/lib/overview/figures";
import { StatTile } from "./stat-tile";
import { useOverviewFormat } from "./use-overview-format";
import { forwardingColors } from "./colors";

/** The headline tiles, each against the previous period of the same length. */
export function OverviewTiles({ data }: { data: OverviewData }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const { current: cur, previous: prev } = data;
  const now = rates(cur);
  const before = rates(prev);
  const days = data.range.days;
  const handoffs = destinations.reduce((sum, d) => sum + cur.forwarding[d].delivered + cur.forwarding[d].retrying + cur.forwarding[d].failed, 0);
  const delivered = destinations.reduce((sum, d) => sum + cur.forwarding[d].delivered, 0);
  const of = (count: number, total: number) => t("tiles.ofConversations", { count: f.count(count), total });
  const rateTile = (key: "resolution" | "routed" | "messageShown", count: number, better: "up" | "down") => (
    <StatTile
      testId={`tile-${key}`}
      label={t(`tiles.${key}`)}
      value={f.percent(now[key])}
      detail={of(count, cur.conversations)}
      change={pointsChange(now[key], before[key])}
      better={better}
      previous={f.percent(before[key])}
      days={days}
      definition={t(`definitions.${key}`)}
    />
  );
  const replyTile = (key: "medianReply" | "p90Reply", field: "medianSeconds" | "p90Seconds") => (
    <StatTile
      testId={`tile-${key}`}
      label={t(`tiles.${key}`)}
      value={f.duration(cur.replyTime[field])}
      detail={t("tiles.replies", { count: cur.replyTime.replies })}
      change={relativeChange(cur.replyTime[field], prev.replyTime[field])}
      better="down"
      previous={f.duration(prev.replyTime[field])}
      days={days}
      definition={t("definitions.reply")}
    />
  );
  return (
    <section aria-label={t("tiles.label")} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatTile
        testId="tile-conversations"
        label={t("tiles.conversations")}
        value={f.count(cur.conversations)}
        detail={t("tiles.startedInPeriod")}
        change={relativeChange(cur.conversations, prev.conversations)}
        better="neutral"
        previous={f.count(prev.conversations)}
        days={days}
        definition={t("definitions.conversations")}
      />
      {rateTile("resolution", cur.outcomes.resolved, "up")}
      {rateTile("routed", cur.outcomes.routed, "down")}
      {rateTile("messageShown", cur.outcomes.message_shown, "down")}
      <StatTile
        testId="tile-declined"
        label={t("tiles.declined")}
        value={f.percent(now.declined)}
        detail={t("tiles.ofOffers", { count: f.count(cur.funnel.declined), total: cur.funnel.offered })}
        change={pointsChange(now.declined, before.declined)}
        better="down"
        previous={f.percent(before.declined)}
        days={days}
        definition={t("definitions.declined")}
      />
      {replyTile("medianReply", "medianSeconds")}
      {replyTile("p90Reply", "p90Seconds")}
      <StatTile
        testId="tile-forwarding"
        label={t("tiles.forwarding")}
        value={f.percent(now.delivered)}
        detail={now.delivered === null ? t("tiles.noHandoffs") : t("tiles.handoffsDelivered", { count: f.count(delivered), total: handoffs })}
        change={pointsChange(now.delivered, before.delivered)}
        better="up"
        previous={f.percent(before.delivered)}
        days={days}
        definition={t("definitions.forwarding")}
      >
        <ul className="mt-3 space-y-2">
          {destinations.map((d) => {
            const c = cur.forwarding[d];
            const total = c.delivered + c.retrying + c.failed;
            return (
              <li key={d} data-testid={`forwarding-${d}`} className="text-xs">
                <div className="flex justify-between gap-2">
                  <span className="font-medium text-slate-700">{t(`destinations.${d}`)}</span>
                  <span className="text-slate-500 tabular-nums">
                    {t("tiles.forwardingRow", { delivered: f.count(c.delivered), retrying: f.count(c.retrying), failed: f.count(c.failed) })}
                  </span>
                </div>
                <div aria-hidden="true" className="mt-1 flex h-1.5 overflow-hidden rounded-full bg-slate-100">
                  {(["delivered", "retrying", "failed"] as const).map((s) =>
                    total > 0 && c[s] > 0 ? <span key={s} style={{ width: `${(c[s] / total) * 100}%`, backgroundColor: forwardingColors[s] }} /> : null,
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </StatTile>
    </section>
  );
}
