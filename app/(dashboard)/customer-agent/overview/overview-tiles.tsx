"use client";

import type { ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { destinationsOf, type OverviewData } from "@/lib/overview/contract";
import { pointsChange, rates, relativeChange, type Change } from "@/lib/overview/figures";
import { StatTile } from "./stat-tile";
import { useOverviewFormat } from "./use-overview-format";
import { forwardingColors } from "./colors";

const states = ["delivered", "retrying", "failed"] as const;
const attention = { retrying: "font-semibold text-amber-700", failed: "font-semibold text-rose-700" };

/** The headline tiles, each against the previous period of the same length. */
export function OverviewTiles({ data }: { data: OverviewData }) {
  const t = useTranslations("overview");
  const tPickup = useTranslations("notifications.pickup");
  const tIncident = useTranslations("integrations.incident");
  const f = useOverviewFormat();
  const { current: cur, previous: prev } = data;
  const now = rates(cur);
  const before = rates(prev);
  const days = data.range.days;
  // Without a single conversation before (e.g. before the account started), nothing compares.
  const compare = (change: Change): Change => (prev.conversations > 0 ? change : { kind: "none" });
  const handoffs = destinationsOf(cur.forwarding).reduce(
    (sum, d) => sum + cur.forwarding[d].delivered + cur.forwarding[d].retrying + cur.forwarding[d].failed,
    0,
  );
  const delivered = destinationsOf(cur.forwarding).reduce((sum, d) => sum + cur.forwarding[d].delivered, 0);
  const of = (count: number, total: number) => t("tiles.ofConversations", { count: f.count(count), total });
  const rateTile = (key: "resolution" | "routed" | "messageShown", count: number, better: "up" | "down", extra?: ReactNode) => (
    <StatTile
      testId={`tile-${key}`}
      label={t(`tiles.${key}`)}
      value={f.percent(now[key])}
      detail={of(count, cur.conversations)}
      change={compare(pointsChange(now[key], before[key]))}
      better={better}
      previous={f.percent(before[key])}
      days={days}
      definition={t(`definitions.${key}`)}
    >
      {extra}
    </StatTile>
  );
  const replyTile = (key: "medianReply" | "p90Reply", field: "medianSeconds" | "p90Seconds") => (
    <StatTile
      testId={`tile-${key}`}
      label={t(`tiles.${key}`)}
      value={f.duration(cur.replyTime[field])}
      detail={t("tiles.replies", { count: cur.replyTime.replies })}
      change={compare(relativeChange(cur.replyTime[field], prev.replyTime[field]))}
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
        change={compare(relativeChange(cur.conversations, prev.conversations))}
        better="neutral"
        previous={f.count(prev.conversations)}
        days={days}
        definition={t("definitions.conversations")}
      />
      {rateTile(
        "resolution",
        cur.outcomes.resolved,
        "up",
        // Beside the durable figure: answers that did not keep the shopper away from the team.
        <p data-testid="answered-then-handed-off" className="mt-2 text-xs text-slate-600">
          {t("tiles.answeredThenHandedOff", { count: cur.answeredThenHandedOff })}
        </p>,
      )}
      {rateTile("routed", cur.outcomes.routed, "down")}
      {rateTile("messageShown", cur.outcomes.message_shown, "down")}
      <StatTile
        testId="tile-declined"
        label={t("tiles.declined")}
        value={f.percent(now.declined)}
        detail={t("tiles.ofOffers", { count: f.count(cur.funnel.declined), total: cur.funnel.offered })}
        change={compare(pointsChange(now.declined, before.declined))}
        better="down"
        previous={f.percent(before.declined)}
        days={days}
        definition={t("definitions.declined")}
      />
      {replyTile("medianReply", "medianSeconds")}
      {replyTile("p90Reply", "p90Seconds")}
      <StatTile
        testId="tile-pickup"
        label={tPickup("tile")}
        value={f.percent(now.pickup)}
        detail={now.pickup === null ? tPickup("none") : tPickup("detail", { count: f.count(cur.pickup.inTime), total: cur.pickup.decided })}
        change={prev.pickup.decided > 0 ? pointsChange(now.pickup, before.pickup) : { kind: "none" }}
        better="up"
        previous={f.percent(before.pickup)}
        days={days}
        definition={tPickup("definition")}
      />
      <StatTile
        testId="tile-forwarding"
        label={t("tiles.forwarding")}
        value={f.percent(now.delivered)}
        detail={now.delivered === null ? t("tiles.noHandoffs") : t("tiles.handoffsDelivered", { count: f.count(delivered), total: handoffs })}
        change={compare(pointsChange(now.delivered, before.delivered))}
        better="up"
        previous={f.percent(before.delivered)}
        days={days}
        definition={t("definitions.forwarding")}
      >
        <table className="mt-3 w-full table-fixed text-xs tabular-nums">
          <thead>
            <tr>
              <th scope="col" className="w-[34%] text-left font-medium">
                <span className="sr-only">{t("tiles.destination")}</span>
              </th>
              {/* Words, not only coloured dots: the column says what it counts. */}
              {states.map((s) => (
                <th
                  key={s}
                  scope="col"
                  className="pb-1 pl-1 text-right align-bottom text-[11px] font-medium leading-tight text-slate-600 [overflow-wrap:anywhere]"
                >
                  <span aria-hidden="true" className="mr-1 inline-block size-2 rounded-full" style={{ backgroundColor: forwardingColors[s] }} />
                  {t(`forwardingStates.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {destinationsOf(cur.forwarding).map((d) => (
              <tr key={d} data-testid={`forwarding-${d}`}>
                <th scope="row" className="truncate py-1 text-left font-medium text-slate-700">
                  {t(`destinations.${d}`)}
                </th>
                {states.map((s) => (
                  <td key={s} data-testid={s} className={`py-1 text-right ${cur.forwarding[d][s] > 0 && s !== "delivered" ? attention[s] : "text-slate-600"}`}>
                    {f.count(cur.forwarding[d][s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {data.incidents.map((incident) => (
          <p
            key={incident.destination}
            role="status"
            data-testid="forwarding-incident"
            className="mt-3 rounded-md bg-amber-50 px-2 py-1.5 text-xs text-amber-900"
          >
            {tIncident("status", {
              helpdesk: t(`destinations.${incident.destination}`),
              minutes: incident.minutes,
              waiting: incident.waiting,
            })}
          </p>
        ))}
      </StatTile>
    </section>
  );
}
