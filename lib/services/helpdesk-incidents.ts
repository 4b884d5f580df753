import "server-only";
import { createTranslator } from "next-intl";
import type { Database } from "@/db/client";
import { claimIncidentAlert, listAdminEmails, listOpenIncidents, releaseIncidentAlert } from "@/db/queries/outbox/helpdesk-incidents";
import { findAccountName } from "@/db/queries/accounts/memberships";
import { sendEmail, smtpConfigured } from "@/lib/email/smtp";
import { env } from "@/lib/env";
import type { DestinationId } from "@/lib/helpdesks/adapter";
import type { ConnectableId } from "@/lib/validation/integrations";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { defaultLocale, matchLocale, supportedLocales } from "@/lib/i18n/locales";
import { logFailure } from "@/lib/log-failure";
import { asDestinationId } from "@/lib/helpdesks/registry";

/** A helpdesk that has stopped accepting tickets, as the Integrations card and the overview show it. */
export type HelpdeskIncidentView = { destination: DestinationId; since: string; minutes: number; waiting: number; lastError: string | null };

/** The account's open incidents; `minutes` is how long each has lasted when read. */
export async function listHelpdeskIncidents(db: Database, params: { accountId: string; now?: Date }): Promise<HelpdeskIncidentView[]> {
  const open = await listOpenIncidents(db, params);
  const now = (params.now ?? new Date()).getTime();
  return open.map((i) => ({
    destination: asDestinationId(i.destination),
    since: i.startedAt.toISOString(),
    minutes: Math.max(0, Math.floor((now - i.startedAt.getTime()) / 60_000)),
    waiting: i.waiting,
    lastError: i.lastError,
  }));
}

/**
 * Emails the account's admins once per incident, when the helpdesk has not accepted a ticket
 * for FORWARDING_ALERT_MINUTES. Without SMTP nothing is claimed, so the alert goes out if SMTP
 * is configured while the incident lasts; a failed send gives the claim back for a later failure.
 */
export async function alertAdminsIfDue(db: Database, params: { accountId: string; destination: DestinationId; now: Date }) {
  if (!smtpConfigured()) return;
  const startedBy = new Date(params.now.getTime() - env().FORWARDING_ALERT_MINUTES * 60_000);
  const incident = await claimIncidentAlert(db, { ...params, startedBy, at: params.now });
  if (!incident) return;
  try {
    const [admins, account, waiting] = await Promise.all([
      listAdminEmails(db, params),
      findAccountName(db, params.accountId),
      listOpenIncidents(db, params).then((open) => open.find((i) => i.id === incident.id)?.waiting ?? 0),
    ]);
    const minutes = Math.round((params.now.getTime() - incident.startedAt.getTime()) / 60_000);
    for (const admin of admins) {
      const locale = matchLocale(supportedLocales, admin.locale ?? defaultLocale) ?? defaultLocale;
      const t = createTranslator({ locale, messages: await dashboardMessages(locale), namespace: "integrations" });
      // Incidents open only for destinations outside Baton, all of which are connected providers.
      const helpdesk = t(`providers.${params.destination as ConnectableId}.name`);
      await sendEmail({
        to: admin.email,
        subject: t("incident.emailSubject", { helpdesk, account: account ?? "" }),
        text: t("incident.emailBody", { helpdesk, minutes, waiting, error: incident.lastError ?? "" }),
        messageId: `<incident-${incident.id}-${Buffer.from(admin.email).toString("hex")}@baton>`,
      });
    }
  } catch (error) {
    logFailure("helpdesk incident alert", error);
    await releaseIncidentAlert(db, incident.id);
  }
}
