import "server-only";
import type { Database } from "@/db/client";
import { agentOffRanges } from "@/lib/services/agent-switch";
import { listHelpdeskIncidents } from "@/lib/services/helpdesk-incidents";
import { findOverviewAccount } from "@/db/queries/overview/account-time-zone";
import { handoffDestinations } from "@/db/queries/overview/handoff-destinations";
import { unansweredQuestionCounts } from "@/db/queries/overview/knowledge-gaps";
import { withCoverage } from "@/lib/services/gap-coverage";
import { dismissedGaps } from "@/lib/services/knowledge-gaps";
import { outcomeSeries } from "@/db/queries/overview/outcome-series";
import { outcomeTotals } from "@/db/queries/overview/outcome-totals";
import { outcomesByChannel } from "@/db/queries/overview/outcomes-by-channel";
import { replyTimeHistogram } from "@/db/queries/overview/reply-times";
import { pickupTotals } from "@/db/queries/overview/pickup";
import type { OverviewScope } from "@/db/queries/overview/scope";
import { AppError } from "@/lib/errors";
import { asDestinationId, destinationIds } from "@/lib/helpdesks/registry";
import {
  channels,
  outcomes,
  type Destination,
  type ForwardingCounts,
  type Outcome,
  type OutcomeCounts,
  type OverviewData,
  type PeriodFigures,
  type SeriesPoint,
} from "@/lib/overview/contract";
import { overlapsOff } from "@/lib/overview/agent-off-days";
import { addDays } from "@/lib/overview/days";
import { groupQuestions } from "@/lib/overview/question-groups";
import { percentileFromHistogram } from "@/lib/overview/reply-buckets";
import { resolveRange, type OverviewFilters } from "@/lib/validation/overview";

/** Ranges longer than this are charted by week. */
export const DAILY_UP_TO_DAYS = 31;

type Period = "current" | "previous";

const emptyOutcomes = (): OutcomeCounts => Object.fromEntries(outcomes.map((o) => [o, 0])) as OutcomeCounts;
const emptyPeriod = (): PeriodFigures => ({
  conversations: 0,
  outcomes: emptyOutcomes(),
  funnel: { offered: 0, accepted: 0, declined: 0, abandoned: 0 },
  forwarding: Object.fromEntries(destinationIds.map((d) => [d, { delivered: 0, retrying: 0, failed: 0 }])) as Record<Destination, ForwardingCounts>,
  replyTime: { replies: 0, medianSeconds: null, p90Seconds: null },
  pickup: { inTime: 0, decided: 0 },
  answeredThenHandedOff: 0,
});

/** A day row's outcome: a resolution followed by the same shopper's handoff is not a durable one. */
const outcomeOf = (row: { status: Exclude<Outcome, "handed_off_later">; handedOffLater: boolean }): Outcome =>
  row.status === "resolved" && row.handedOffLater ? "handed_off_later" : row.status;

/** Escalation statuses as the forwarding tile shows them: Baton Inbox counts as delivered. */
const forwardingState = { in_inbox: "delivered", delivered: "delivered", queued: "retrying", failed: "failed" } as const;

/**
 * Everything the overview page shows for one account, read from the pre-aggregated day rows
 * (knowledge gaps too: every unanswered question of the range, by wording). Figures describe the conversations
 * that started in the range, by their local day in the account's time zone.
 */
export async function getOverview(db: Database, params: { accountId: string; filters: OverviewFilters; now?: Date }): Promise<OverviewData> {
  const account = await findOverviewAccount(db, params.accountId);
  if (!account) throw new AppError("not_found", "No such account.");
  const { timeZone } = account;
  const range = resolveRange(params.filters, timeZone, params.now);
  const scope: OverviewScope = {
    accountId: params.accountId,
    channel: params.filters.channel === "all" ? null : params.filters.channel,
    previousFrom: range.previousFrom,
    from: range.from,
    to: range.to,
  };
  const granularity = range.days > DAILY_UP_TO_DAYS ? "week" : "day";
  // One round of queries: the knowledge gaps' chain (their questions, the dismissed ones, then which
  // an entry now answers) runs beside the figures instead of after them.
  const gaps = Promise.all([unansweredQuestionCounts(db, scope), dismissedGaps(db, params.accountId)]).then(async ([questions, dismissed]) => {
    const groups = groupQuestions(questions, 10, new Set(dismissed.map((d) => d.key)));
    return {
      questions,
      dismissed,
      groups: await withCoverage(db, { scope, timeZone, locale: account.locale, knowledgeVersion: account.knowledgeVersion }, groups),
    };
  });
  const [totals, series, byChannel, handoffs, replies, pickups, incidents, agentOff, { questions, dismissed, groups }] = await Promise.all([
    outcomeTotals(db, scope),
    outcomeSeries(db, scope, granularity === "week" ? 7 : 1),
    outcomesByChannel(db, scope),
    handoffDestinations(db, scope),
    replyTimeHistogram(db, scope),
    pickupTotals(db, scope),
    listHelpdeskIncidents(db, { accountId: params.accountId, now: params.now }),
    agentOffRanges(db, { accountId: params.accountId, from: range.from, to: range.to, timeZone, now: params.now }),
    gaps,
  ]);

  const periods: Record<Period, PeriodFigures> = { current: emptyPeriod(), previous: emptyPeriod() };
  for (const row of totals) {
    const p = periods[row.period];
    p.conversations += row.conversations;
    p.outcomes[outcomeOf(row)] += row.conversations;
    if ((row.status === "resolved" && row.handedOffLater) || (row.status === "routed" && row.answered)) p.answeredThenHandedOff += row.conversations;
    if (!row.offered) continue;
    p.funnel.offered += row.conversations;
    if (row.status === "routed") p.funnel.accepted += row.conversations;
    else if (row.status === "declined") p.funnel.declined += row.conversations;
    else p.funnel.abandoned += row.conversations;
  }
  for (const row of handoffs) periods[row.period].forwarding[asDestinationId(row.destination)][forwardingState[row.status]] += row.escalations;
  for (const row of pickups) {
    periods[row.period].pickup.decided += row.handoffs;
    if (row.inTime) periods[row.period].pickup.inTime += row.handoffs;
  }
  for (const period of ["current", "previous"] as const) {
    const histogram = replies.filter((r) => r.period === period);
    periods[period].replyTime = {
      replies: histogram.reduce((sum, r) => sum + r.replies, 0),
      medianSeconds: percentileFromHistogram(histogram, 0.5),
      p90Seconds: percentileFromHistogram(histogram, 0.9),
    };
  }

  const current = periods.current;
  return {
    range: { ...range, granularity, timeZone },
    incidents: incidents.flatMap((i) =>
      i.destination !== "baton_inbox" ? [{ destination: i.destination, since: i.since, minutes: i.minutes, waiting: i.waiting }] : [],
    ),
    current,
    previous: periods.previous,
    series: fillSeries(range.from, range.to, granularity === "week" ? 7 : 1, series).map((p) => ({ ...p, agentOff: overlapsOff(agentOff, p.start, p.end) })),
    agentOff,
    byChannel: channels
      .filter((c) => !scope.channel || c === scope.channel)
      .map((channel) => {
        const counts = emptyOutcomes();
        for (const row of byChannel) if (row.channel === channel) counts[outcomeOf(row)] += row.conversations;
        return { channel, conversations: sum(counts), outcomes: counts };
      }),
    knowledgeGaps: {
      questions: groups,
      dismissed,
      asked: questions.reduce((n, q) => n + q.count, 0),
      unanswered: current.outcomes.routed + current.outcomes.message_shown,
    },
    resolutionWindowHours: account.resolutionWindowHours,
  };
}

const sum = (counts: OutcomeCounts) => outcomes.reduce((total, o) => total + counts[o], 0);

/** Every bucket of the range, oldest first, with zeros where nothing happened. */
function fillSeries(
  from: string,
  to: string,
  bucketDays: 1 | 7,
  rows: Array<{ start: string; status: Exclude<Outcome, "handed_off_later">; handedOffLater: boolean; conversations: number }>,
) {
  const points: Array<Omit<SeriesPoint, "agentOff">> = [];
  for (let end = to; end >= from; end = addDays(end, -bucketDays)) {
    const start = addDays(end, 1 - bucketDays) < from ? from : addDays(end, 1 - bucketDays);
    const counts = emptyOutcomes();
    for (const row of rows) if (row.start === start) counts[outcomeOf(row)] += row.conversations;
    points.push({ start, end, conversations: sum(counts), outcomes: counts });
  }
  return points.reverse();
}
