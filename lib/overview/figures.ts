import { destinationsOf, type PeriodFigures } from "@/lib/overview/contract";

/** A share, or null when there is nothing to divide by. */
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The headline rates of a period (null when the period has no conversations, or no offers). */
export function rates(p: PeriodFigures) {
  const forwarded = destinationsOf(p.forwarding).reduce(
    (sum, d) => ({
      delivered: sum.delivered + p.forwarding[d].delivered,
      all: sum.all + p.forwarding[d].delivered + p.forwarding[d].retrying + p.forwarding[d].failed,
    }),
    { delivered: 0, all: 0 },
  );
  return {
    resolution: share(p.outcomes.resolved, p.conversations),
    routed: share(p.outcomes.routed, p.conversations),
    messageShown: share(p.outcomes.message_shown, p.conversations),
    declined: share(p.funnel.declined, p.funnel.offered),
    delivered: share(forwarded.delivered, forwarded.all),
    pickup: share(p.pickup.inTime, p.pickup.decided),
  };
}

export type Change =
  | { kind: "points"; delta: number } // rates: percentage points
  | { kind: "relative"; delta: number } // counts and times: share of the previous value
  | { kind: "new" } // nothing before, something now
  | { kind: "none" }; // no comparison possible

/** The change of a rate, in percentage points. */
export function pointsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { kind: "none" };
  return { kind: "points", delta: (current - previous) * 100 };
}

/** The change of a count or a time, relative to the previous value. */
export function relativeChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { kind: "none" };
  if (previous === 0) return current === 0 ? { kind: "relative", delta: 0 } : { kind: "new" };
  return { kind: "relative", delta: (current - previous) / previous };
}
