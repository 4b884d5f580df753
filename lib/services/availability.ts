import "server-only";
import type { Database } from "@/db/client";
import { findPresence, listPresence, listTeamPresence, touchPresence } from "@/db/queries/availability";
import type { Role } from "@/db/schema/accounts";
import type { PresenceStatus } from "@/db/schema/availability";
import { autoReplyFor, computeAvailability, isAgentAvailable, type Availability } from "@/lib/availability/availability";
import { env } from "@/lib/env";
import { matchShopperLocale } from "@/lib/i18n/shopper-locales";
import { shopperTexts, type ShopperTexts } from "@/lib/i18n/shopper-texts";
import { getBusinessHours, repliesFor, type BusinessHoursState } from "@/lib/services/business-hours";

const presenceTimeoutMs = () => env().AGENT_PRESENCE_TIMEOUT_SECONDS * 1000;

/** How often an open dashboard sends its heartbeat: every 30 s, and well within the timeout. */
export const heartbeatIntervalMs = () => Math.min(30_000, Math.floor(presenceTimeoutMs() / 3));

/**
 * Whether a human can pick up a Baton Inbox handoff now, for the account: its business hours and
 * its agents' presence through the one availability function. GET /config, the handoff response
 * and the dashboard all come here.
 */
export async function availabilityOf(
  db: Database,
  accountId: string,
  now = new Date(),
): Promise<{ availability: Availability; hours: BusinessHoursState; now: Date }> {
  const [hours, presence] = await Promise.all([getBusinessHours(db, accountId), listPresence(db, accountId)]);
  const availability = computeAvailability({
    hours: hours.configured ? hours.rules : null,
    timeZone: hours.timeZone,
    presence,
    presenceTimeoutMs: presenceTimeoutMs(),
    now,
  });
  return { availability, hours, now };
}

/**
 * The auto-reply a shopper gets when nobody is available, in their language (the merchant's text
 * for it, else the main one, else Baton's default), with when the team is back in the account's time zone.
 */
export function autoReplyText(state: { availability: Availability; hours: BusinessHoursState; now: Date }, texts: ShopperTexts): string {
  const { autoReply, autoReplyLocale } = repliesFor(state.hours, texts.locale);
  const t = autoReplyLocale === texts.locale ? texts : shopperTexts(matchShopperLocale(autoReplyLocale) ?? "en");
  return autoReplyFor(
    { template: autoReply, nextOpeningAt: state.availability.nextOpeningAt, timeZone: state.hours.timeZone, locale: t.locale, now: state.now },
    (key, values) => t(key, values),
  );
}

/**
 * Where a member starts before choosing: agents answer chats, so Available; a lead or admin
 * signing in to read figures or change settings must not make shoppers expect a live reply, so Away.
 */
const firstStatus = (role: Role | undefined): PresenceStatus => (role === "lead" || role === "admin" ? "away" : "available");

/** A dashboard heartbeat; the member's choice stays as it was (their role's default on their first). */
export async function recordHeartbeat(db: Database, member: { accountId: string; userId: string; role?: Role }, now = new Date()) {
  return touchPresence(db, { accountId: member.accountId, userId: member.userId, seenAt: now, initialStatus: firstStatus(member.role) });
}

/** The member sets Available or Away (which also counts as a heartbeat). */
export async function setPresence(db: Database, member: { accountId: string; userId: string }, status: PresenceStatus, now = new Date()) {
  return touchPresence(db, { accountId: member.accountId, userId: member.userId, seenAt: now, status });
}

/** The member's own choice for the sidebar control; Available until they first choose. */
export async function presenceOf(db: Database, member: { accountId: string; userId: string; role?: Role }): Promise<PresenceStatus> {
  return (await findPresence(db, member))?.status ?? firstStatus(member.role);
}

export type TeamMemberPresence = { userId: string; name: string; role: Role; state: "available" | "away" | "offline"; lastSeenAt: Date | null };

/** Who is reachable now: Available with a live dashboard, Away by choice, or offline (browser gone). */
export async function teamPresence(db: Database, accountId: string, now = new Date()): Promise<TeamMemberPresence[]> {
  const rows = await listTeamPresence(db, accountId);
  return rows.map((r) => {
    const live = r.status && r.lastSeenAt ? isAgentAvailable({ status: "available", lastSeenAt: r.lastSeenAt }, now, presenceTimeoutMs()) : false;
    return {
      userId: r.userId,
      name: r.name,
      role: r.role,
      state: !live ? "offline" : r.status === "available" ? "available" : "away",
      lastSeenAt: r.lastSeenAt,
    };
  });
}
