import type { HoursRules } from "./rules";
import { closingAfter, exceptionOn, isOpenAt, nextOpeningAfter } from "./schedule";
import { localDayAndMinute } from "./time-zone";
import { plainSpaces } from "@/lib/i18n/plain-spaces";

export type AgentPresence = { status: "available" | "away"; lastSeenAt: Date };
export type AvailabilityReason = "available" | "outside_hours" | "holiday" | "no_agent_available";
export type Availability = {
  available: boolean;
  reason: AvailabilityReason;
  /** When the team is back, when known: the next opening of the business hours. */
  nextOpeningAt: Date | null;
  /** Members who are Available with a live dashboard now. */
  agentsAvailable: number;
};

/** Available, and the dashboard's last heartbeat is recent enough (a closed browser stops them). */
export function isAgentAvailable(presence: AgentPresence, now: Date, timeoutMs: number): boolean {
  return presence.status === "available" && now.getTime() - presence.lastSeenAt.getTime() <= timeoutMs;
}

/**
 * Whether a human can pick up a handoff now: inside business hours (none configured: always)
 * and at least one agent available. The one function behind GET /config, the handoff response,
 * the Handoff preview and the Business hours tab.
 *
 * Outside hours, `nextOpeningAt` is the next opening. Inside hours with nobody available it is
 * the opening after the current period ends: the latest the team is back (null when the hours
 * never close, for nobody can tell).
 */
export function computeAvailability(input: {
  hours: HoursRules | null;
  timeZone: string;
  presence: AgentPresence[];
  presenceTimeoutMs: number;
  now: Date;
}): Availability {
  const { hours, timeZone, now } = input;
  const at = now.getTime();
  const agentsAvailable = input.presence.filter((p) => isAgentAvailable(p, now, input.presenceTimeoutMs)).length;
  const opening = (from: number) => {
    const next = hours ? nextOpeningAfter(hours, timeZone, from) : null;
    return next === null ? null : new Date(next);
  };
  if (hours && !isOpenAt(hours, timeZone, at)) {
    const today = exceptionOn(hours, localDayAndMinute(at, timeZone).day);
    return { available: false, reason: today?.closed ? "holiday" : "outside_hours", nextOpeningAt: opening(at), agentsAvailable };
  }
  if (agentsAvailable === 0) {
    const closes = hours ? closingAfter(hours, timeZone, at) : null;
    return { available: false, reason: "no_agent_available", nextOpeningAt: closes === null ? null : opening(closes), agentsAvailable };
  }
  return { available: true, reason: "available", nextOpeningAt: null, agentsAvailable };
}

export type BackAtKey = "backToday" | "backTomorrow" | "backOn" | "backSoon";
export type BackAtTexts = (key: BackAtKey, values?: Record<string, string>) => string;

/**
 * When the team is back, as shoppers read it: "today at 9:00 AM EST", "tomorrow at …",
 * "on Monday, January 5 at …" in the account's time zone (named, so a shopper elsewhere is not
 * misled), or "soon" when unknown.
 */
export function backAtText(nextOpeningAt: Date | null, options: { timeZone: string; locale: string; now: Date }, texts: BackAtTexts): string {
  if (!nextOpeningAt) return texts("backSoon");
  const { timeZone, locale, now } = options;
  const time = plainSpaces(new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(nextOpeningAt));
  const days = localDayAndMinute(nextOpeningAt.getTime(), timeZone).day - localDayAndMinute(now.getTime(), timeZone).day;
  if (days <= 0) return texts("backToday", { time });
  if (days === 1) return texts("backTomorrow", { time });
  const day = plainSpaces(new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", month: "long", day: "numeric" }).format(nextOpeningAt));
  return texts("backOn", { day, time });
}

/** The merchant's auto-reply with `{backAt}` filled in (plain replacement: the text is theirs, not ICU). */
export const fillAutoReply = (template: string, backAt: string) => template.replaceAll("{backAt}", backAt);

export type AutoReplyTexts = (key: BackAtKey | "autoReplyDefault", values?: Record<string, string>) => string;

/**
 * The auto-reply a shopper reads when nobody is available: the merchant's text (null: the default
 * in the shopper's language) with when the team is back. The handoff, the Handoff preview and the
 * Business hours form all word it here.
 */
export function autoReplyFor(
  params: { template: string | null; nextOpeningAt: Date | null; timeZone: string; locale: string; now: Date },
  texts: AutoReplyTexts,
): string {
  const backAt = backAtText(params.nextOpeningAt, params, texts);
  return params.template ? fillAutoReply(params.template, backAt) : texts("autoReplyDefault", { backAt });
}

/** The auto-reply a shopper asking at `now` would read if nobody were available (for previews). */
export function autoReplyIfNobody(
  params: { hours: HoursRules; template: string | null; timeZone: string; locale: string; now: Date },
  texts: AutoReplyTexts,
): string {
  const { nextOpeningAt } = computeAvailability({ hours: params.hours, timeZone: params.timeZone, presence: [], presenceTimeoutMs: 0, now: params.now });
  return autoReplyFor({ ...params, nextOpeningAt }, texts);
}
