// What Demo Store's 90 days of history look like: a pure plan (no database), so the story is
// easy to read and the same on every run for a given "today".
import { addDays, daysBetween } from "@/lib/overview/days";
import type { DestinationId } from "@/lib/validation/handoff";
import { seededRandom } from "@/lib/seeded-random";

export type Phase = { method: "message" } | { method: "helpdesk"; destination: DestinationId };

export type PlannedConversation = {
  local: string; // "YYYY-MM-DD HH:MM:SS" in the account's time zone
  channel: "web_chat" | "sms";
  status: "resolved" | "routed" | "message_shown" | "declined" | "open";
  offered: boolean;
  question: string;
  answered: boolean;
  destination: DestinationId | null;
  forwardFailed: boolean;
  /** Seconds from the handoff to the first human reply (Baton Inbox and failed forwards). */
  replyAfter: number | null;
};

export const HISTORY_DAYS = 90;

/**
 * The merchant's handoff choices over the 90 days (by days before today): Zendesk, then a trial
 * of Gorgias, two weeks of the custom message while they chose, then Baton Inbox (recommended).
 */
export function phaseOn(daysAgo: number): Phase {
  if (daysAgo >= 62) return { method: "helpdesk", destination: "zendesk" };
  if (daysAgo >= 40) return { method: "helpdesk", destination: "gorgias" };
  if (daysAgo >= 26) return { method: "message" };
  return { method: "helpdesk", destination: "baton_inbox" };
}

/** Questions the agent could not answer, several wordings each, most frequent first. */
export const unansweredTopics = [
  [
    "Can I change my shipping address?",
    "How do I change the shipping address on my order?",
    "change shipping address after ordering",
    "Can you ship my order to a different address?",
  ],
  ["Is the engraving done by hand?", "Do you engrave by hand?", "Is engraving hand done or by machine?"],
  ["Can I cancel my order?", "How do I cancel an order I just placed?", "cancel my order please"],
  ["Do you offer gift wrapping?", "Can you gift wrap my order?", "Is gift wrapping available?"],
  ["Are your leather products vegan?", "Is the leather vegan?", "Is your leather vegan?"],
  ["Can I combine two discount codes?", "Can I use two discount codes at once?", "combine discount codes"],
  ["Do you have a store in Lisbon?", "Is there a Lisbon shop?", "Where is your store in Lisbon?"],
  ["My package says delivered but I don't have it", "Tracking says delivered but no package", "package marked delivered not received"],
  ["Can I exchange for a different size?", "How do I exchange shoes for another size?"],
  ["Do you price match?", "Will you match a lower price?"],
  ["When will the black boots be back in stock?", "Are the black boots coming back in stock?"],
  ["Can I pay with gold coins?", "Do you accept gold coins?"],
] as const;

export const answeredQuestions = [
  "How long does shipping take?",
  "What is your return policy?",
  "Do you ship internationally?",
  "How can I track my order?",
  "What sizes do you offer?",
  "Which payment methods do you accept?",
];

/** What shoppers ask in a store's history: questions the agent answers, and unanswered topics (most frequent first). */
export type HistoryTopics = { answered: readonly string[]; unanswered: ReadonlyArray<readonly string[]> };
const demoStoreTopics: HistoryTopics = { answered: answeredQuestions, unanswered: unansweredTopics };

/** Conversations per hour of the local day: quiet nights, a late-morning and an evening peak. */
const hourWeights = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 0.8, 1.5, 2.5, 3.5, 4.2, 4.5, 4.3, 4, 3.7, 3.5, 3.4, 3.5, 3.9, 4.4, 4.6, 4, 2.8, 1.8];
const hourTotal = hourWeights.reduce((a, b) => a + b, 0);

/**
 * The conversations of the 90 days up to `today` (local), each with its fate. The week has a
 * rhythm (busy Mondays, quiet weekends), volume grows ~25% over the period, and the resolution
 * rate climbs from ~52% to ~70% as the merchant fills the knowledge gaps.
 */
export function planHistory(today: string, nowLocalHour: number, seed = 20261124, topics: HistoryTopics = demoStoreTopics): PlannedConversation[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const first = addDays(today, 1 - HISTORY_DAYS);
  const plan: PlannedConversation[] = [];
  for (let day = first; day <= today; day = addDays(day, 1)) {
    const daysAgo = daysBetween(day, today) - 1;
    const progress = 1 - daysAgo / (HISTORY_DAYS - 1);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 Sunday
    const rhythm = [0.55, 1.2, 1.1, 1.05, 1.0, 0.95, 0.6][weekday]!;
    const expected = 34 * rhythm * (1 + 0.25 * progress) * (0.85 + random() * 0.3);
    const count = Math.round(expected);
    const phase = phaseOn(daysAgo);
    const resolution = 0.52 + 0.18 * progress + (random() - 0.5) * 0.04;
    for (let i = 0; i < count; i++) {
      let hour = 0;
      for (let r = random() * hourTotal; hour < 23 && r > hourWeights[hour]!; hour++) r -= hourWeights[hour]!;
      if (daysAgo === 0 && hour >= nowLocalHour) continue; // nothing from the future
      const local = `${day} ${String(hour).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}`;
      plan.push(conversationFor({ local, phase, resolution, weekday, hour, progress, random, pick, topics }));
    }
  }
  return plan;
}

function conversationFor(p: {
  local: string;
  phase: Phase;
  resolution: number;
  weekday: number;
  hour: number;
  progress: number;
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  topics: HistoryTopics;
}): PlannedConversation {
  const { random, pick } = p;
  const channel = random() < 0.72 ? "web_chat" : "sms";
  const base = { local: p.local, channel, offered: false, destination: null, forwardFailed: false, replyAfter: null } as const;
  const roll = random();
  if (roll < p.resolution) return { ...base, status: "resolved", question: pick(p.topics.answered), answered: true };
  // Unanswered: a Zipf-like choice of topic, then one of its wordings.
  const { unanswered } = p.topics;
  const topic = unanswered[Math.min(unanswered.length - 1, Math.floor(unanswered.length * random() ** 2.2))]!;
  const question = pick(topic);
  if (roll > 0.985) return { ...base, status: "open", question, answered: false }; // left mid-conversation
  if (p.phase.method === "message") return { ...base, status: "message_shown", question, answered: false };
  const destination = p.phase.destination;
  if (channel === "web_chat") {
    const consent = random();
    if (consent < 0.15) return { ...base, status: "declined", offered: true, question, answered: false };
    if (consent < 0.21) return { ...base, status: "open", offered: true, question, answered: false }; // no answer, or no email
  }
  const forwardFailed = destination !== "baton_inbox" && random() < 0.035;
  const inInbox = destination === "baton_inbox" || forwardFailed;
  return {
    ...base,
    status: "routed",
    offered: channel === "web_chat",
    question,
    answered: false,
    destination,
    forwardFailed,
    replyAfter: inInbox ? replyDelay(p.weekday, p.hour, p.progress, random) : null,
  };
}

/** Minutes during staffed hours (faster as the team settles in), hours overnight and at weekends. */
function replyDelay(weekday: number, hour: number, progress: number, random: () => number): number {
  const staffed = weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 20;
  const typical = staffed ? 240 - 120 * progress : 4 * 3600;
  return Math.round(typical * Math.exp((random() - 0.5) * 1.6) + 20);
}
