import "server-only";
import { createTranslator } from "next-intl";
import type { Database } from "@/db/client";
import { findAccountName } from "@/db/queries/accounts/memberships";
import {
  claimOverdueHandoffs,
  findOverdueAfterSeconds,
  listInboxRecipients,
  listPickupPending,
  nextOverdueCheckAt,
  releaseOverdueHandoff,
  setPickupDue,
  type OverdueHandoff,
} from "@/db/queries/notifications/overdue";
import { businessDeadline } from "@/lib/availability/business-time";
import { sendEmail, smtpConfigured } from "@/lib/email/smtp";
import { env } from "@/lib/env";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { defaultLocale, matchLocale, supportedLocales } from "@/lib/i18n/locales";
import { logFailure } from "@/lib/log-failure";
import { getBusinessHours } from "@/lib/services/business-hours";

/** Deadlines are fixed for handoffs of the last day only: older ones (from before this feature) stay out. */
const PENDING_WINDOW_MS = 86_400_000;
/** A schedule that never opens again: the handoff is never overdue (far beyond any range shown). */
const NEVER_MS = 10 * 365 * 86_400_000;

type Scope = { now?: Date; accountIds?: string[] };

/**
 * Fixes the deadline of new Baton Inbox handoffs: the account's threshold counted inside its
 * business hours from the handoff (lib/availability/business-time.ts). Done once per handoff, so
 * the overview can tell whether it was claimed in time even after the settings change.
 */
export async function fixPickupDeadlines(db: Database, scope: Scope = {}) {
  const now = scope.now ?? new Date();
  const pending = await listPickupPending(db, { since: new Date(now.getTime() - PENDING_WINDOW_MS), limit: 200, accountIds: scope.accountIds });
  const accounts = new Map<string, Promise<{ hours: Awaited<ReturnType<typeof getBusinessHours>>; seconds: number }>>();
  for (const handoff of pending) {
    let settings = accounts.get(handoff.accountId);
    if (!settings) {
      settings = Promise.all([getBusinessHours(db, handoff.accountId), findOverdueAfterSeconds(db, handoff.accountId)]).then(([hours, seconds]) => ({
        hours,
        seconds,
      }));
      accounts.set(handoff.accountId, settings);
    }
    const { hours, seconds } = await settings;
    const start = handoff.createdAt.getTime();
    const due = businessDeadline(hours.rules, hours.timeZone, start, seconds * 1000) ?? start + NEVER_MS;
    await setPickupDue(db, { id: handoff.id, dueAt: new Date(due) });
  }
  return pending.length;
}

/** One check: fixes new deadlines, then claims (marks overdue) up to `limit` handoffs past theirs. */
export async function claimOverdue(db: Database, params: Scope & { limit: number }): Promise<OverdueHandoff[]> {
  await fixPickupDeadlines(db, params);
  return claimOverdueHandoffs(db, { now: params.now ?? new Date(), limit: params.limit, accountIds: params.accountIds });
}

/** When the checker next has something to do (it sleeps until then, or its poll). */
export const nextOverdueAt = (db: Database, now = new Date()) => nextOverdueCheckAt(db, { since: new Date(now.getTime() - PENDING_WINDOW_MS) });

export type OverdueOutcome = "emailed" | "marked" | "released";

/**
 * Emails every member of the account, each in their language, that a shopper has waited past the
 * threshold: once per handoff, since the claim marked it. Without SMTP the inbox mark is all there
 * is. If no email at all could be sent, the claim is given back and a later check tries again.
 */
export async function alertOverdue(db: Database, handoff: OverdueHandoff): Promise<OverdueOutcome> {
  if (!smtpConfigured()) return "marked";
  let sent = 0;
  try {
    const [recipients, account, seconds] = await Promise.all([
      listInboxRecipients(db, handoff.accountId),
      findAccountName(db, handoff.accountId),
      findOverdueAfterSeconds(db, handoff.accountId),
    ]);
    const base = env().NEXTAUTH_URL?.replace(/\/$/, "");
    const link = base ? `${base}/inbox/${handoff.conversationId}` : "";
    for (const recipient of recipients) {
      const locale = matchLocale(supportedLocales, recipient.locale ?? defaultLocale) ?? defaultLocale;
      const t = createTranslator({ locale, messages: await dashboardMessages(locale), namespace: "notifications.overdueEmail" });
      const minutes = Math.floor(seconds / 60);
      await sendEmail({
        to: recipient.email,
        subject: t("subject", { minutes, account: account ?? "" }),
        text: t("body", { minutes, question: handoff.reason?.slice(0, 300) ?? "—", link: link || "—" }),
        messageId: `<overdue-${handoff.id}-${Buffer.from(recipient.email).toString("hex")}@baton>`,
      });
      sent++;
    }
    return "emailed";
  } catch (error) {
    logFailure("overdue handoff alert", error);
    if (sent > 0) return "emailed";
    await releaseOverdueHandoff(db, handoff.id);
    return "released";
  }
}
