// The overview's data, as GET /api/overview returns it and the page renders it. Counts only:
// rates, changes and labels are derived on the client (lib/overview/figures.ts).

import type { DestinationId } from "@/lib/validation/integrations";

/**
 * `resolved` is durable: the same shopper was not handed to the team within the account's window
 * after it. `handed_off_later`: resolved in the conversation, but the same shopper's new
 * conversation within the window was routed to the team.
 */
export const outcomes = ["resolved", "handed_off_later", "routed", "message_shown", "declined", "open"] as const;
export type Outcome = (typeof outcomes)[number];
export type OutcomeCounts = Record<Outcome, number>;

// Destinations are the registry's (lib/helpdesks/registry.ts): the server fills `forwarding` with
// every one of them in its order, so the browser lists them from the data, not a list of its own.
export type Destination = DestinationId;
/** Forwarding state: in Baton Inbox or delivered; queued (first attempt or retrying); failed. */
export type ForwardingCounts = { delivered: number; retrying: number; failed: number };
/** The destinations of a period's forwarding counts, in the registry's order. */
export const destinationsOf = (forwarding: Record<Destination, ForwardingCounts>) => Object.keys(forwarding) as Destination[];

export const channels = ["web_chat", "sms"] as const;
export type Channel = (typeof channels)[number];

/** The consent funnel: every offer of a human ends accepted, declined or abandoned. */
export type Funnel = { offered: number; accepted: number; declined: number; abandoned: number };

export type ReplyTime = { replies: number; medianSeconds: number | null; p90Seconds: number | null };

/** Baton Inbox handoffs whose pickup is decided, and how many of them were claimed within the threshold. */
export type Pickup = { inTime: number; decided: number };

export type PeriodFigures = {
  conversations: number;
  outcomes: OutcomeCounts;
  funnel: Funnel;
  forwarding: Record<Destination, ForwardingCounts>;
  replyTime: ReplyTime;
  pickup: Pickup;
  /**
   * Conversations the agent answered from the knowledge that still reached the team: routed in the
   * same conversation after an answer, or resolved and then handed off later (outcome `handed_off_later`).
   */
  answeredThenHandedOff: number;
};

/** `agentOff`: the Customer Agent was off on at least one day of the bucket. */
export type SeriesPoint = { start: string; end: string; conversations: number; outcomes: OutcomeCounts; agentOff: boolean };

export type KnowledgeGap = {
  /** The group's stems (or wording): what "Not a knowledge gap" dismisses. */
  key: string;
  /** The most frequent wording of the group. */
  question: string;
  count: number;
  routed: number;
  messageShown: number;
  /** Other wordings grouped with it, most frequent first (at most three). */
  variants: string[];
  /**
   * An entry now answers the group's question (the answerer asked today): since when (the entry's
   * local day) and the group's unanswered questions of the range before that day and since.
   */
  covered: { entryId: string; since: string; before: number; after: number } | null;
};

export type OverviewData = {
  range: {
    from: string;
    to: string;
    days: number;
    previousFrom: string;
    previousTo: string;
    granularity: "day" | "week";
    timeZone: string;
  };
  current: PeriodFigures;
  previous: PeriodFigures;
  series: SeriesPoint[];
  byChannel: Array<{ channel: Channel; conversations: number; outcomes: OutcomeCounts }>;
  knowledgeGaps: {
    questions: KnowledgeGap[];
    /** Unanswered questions grouped into the list: every one of the range that has a question. */
    asked: number;
    /** Conversations of the range that ended routed or with the custom message. */
    unanswered: number;
    /** Groups marked "Not a knowledge gap", latest first; restoring one brings it back. */
    dismissed: Array<{ key: string; question: string; dismissedAt: string }>;
  };
  /** Durable resolution's window (hours, an account setting). */
  resolutionWindowHours: number;
  /** The range's days (local, consecutive ones joined) on which an admin had turned the Customer Agent off. */
  agentOff: Array<{ from: string; to: string }>;
  /** Helpdesks not accepting tickets right now (whatever the range): since when, how many wait. */
  incidents: Array<{ destination: Exclude<Destination, "baton_inbox">; since: string; minutes: number; waiting: number }>;
};
