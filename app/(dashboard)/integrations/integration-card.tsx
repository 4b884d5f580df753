"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { AppLink } from "@/components/ui/app-link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ConnectableId, OnboardingView } from "@/lib/validation/integrations";
import { disconnectHelpdeskAction, sendTestTicketAction } from "@/lib/actions/integrations";
import { Button } from "@/components/ui/button";
import { ConnectDialog } from "@/components/integrations/lazy-connect-dialog";
import { useDestinationTexts } from "@/components/integrations/destination-texts";

type ConnectionView = {
  site: string;
  address: string;
  agentEmail: string | null;
  /** How it signs in (`oauth`, `api_key`…), named in its destination's texts: providers.<id>.authTypes. */
  authType: string;
  /** A warning from its destination (integrations.providers.<id>.notices.<code>, `date` as {date}). */
  notice: { code: string; date?: string } | null;
  verifiedAt: string;
  /** The last test ticket sent from this card (kept by the server, so it survives a reload). */
  lastTestTicket: { id: string; url: string; at: string } | null;
};
type IncidentView = { minutes: number; waiting: number };

export function IntegrationCard({
  provider,
  display,
  connection,
  isDestination,
  canEdit,
  view,
  openOnLoad,
  initialError,
  incident = null,
}: {
  provider: ConnectableId;
  display: { badgeClass: string };
  connection: ConnectionView | null;
  isDestination: boolean;
  canEdit: boolean;
  view: OnboardingView;
  openOnLoad: boolean;
  initialError?: string;
  /** The helpdesk has stopped accepting tickets: since when, and how many wait. */
  incident?: IncidentView | null;
}) {
  const t = useTranslations("integrations");
  const format = useFormatter();
  const router = useRouter();
  const [dialogOpen, setDialogOpen] = useState(openOnLoad);
  const [confirming, setConfirming] = useState(false);
  const [ticket, sendTicket, sending] = useActionState(sendTestTicketAction, null);
  const [disconnected, disconnect, disconnecting] = useActionState(disconnectHelpdeskAction, null);
  const helpdesk = t(`providers.${provider}.name`);
  // Connecting and disconnecting replace the buttons that had focus: once the card has re-rendered,
  // focus goes to its first action (Send a test ticket, or Connect), never to the page.
  const firstAction = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  const [seenDisconnect, setSeenDisconnect] = useState(disconnected);
  if (seenDisconnect !== disconnected) {
    setSeenDisconnect(disconnected);
    if (disconnected?.ok) setRefocus(true);
  }
  useEffect(() => {
    if (!refocus || !firstAction.current) return;
    firstAction.current.focus();
    setRefocus(false);
  }, [refocus, connection]);
  const texts = useDestinationTexts(provider);
  const errorText = (error: { code: string; message: string }) => texts.failure(error, { helpdesk });
  // Keys that pair a destination with one of its own codes, which the key type cannot express.
  type Key = Parameters<typeof t>[0];

  return (
    <section aria-labelledby={`${provider}-title`} className="flex flex-col rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <div className="flex items-center gap-3">
          <span aria-hidden="true" className={`flex size-10 items-center justify-center rounded-lg text-lg font-bold text-white ${display.badgeClass}`}>
            {helpdesk.slice(0, 1)}
          </span>
          <h2 id={`${provider}-title`} className="text-base font-semibold text-slate-900">
            {helpdesk}
          </h2>
        </div>
        <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${connection ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>
          {connection ? t("status.connected") : t("status.notConnected")}
        </span>
      </div>
      <p className="mt-3 text-sm text-slate-600">{t(`providers.${provider}.description`)}</p>
      {incident ? (
        <p role="status" data-testid="helpdesk-incident" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("incident.status", { helpdesk, minutes: incident.minutes, waiting: incident.waiting })}
        </p>
      ) : null}

      {disconnected?.ok ? (
        <div role="status" className="mt-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("disconnectedNotice", { helpdesk })}{" "}
          {disconnected.data.fellBack ? (
            <>
              {t("fellBackNotice")}{" "}
              <AppLink href="/customer-agent/settings/handoff" className="font-medium text-indigo-700 hover:underline">
                {t("reviewHandoff")}
              </AppLink>
            </>
          ) : null}
        </div>
      ) : null}

      {connection ? (
        <>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-500">{t("details.site")}</dt>
            <dd className="text-slate-900">{connection.address}</dd>
            <dt className="text-slate-500">{t("details.user")}</dt>
            <dd className="truncate text-slate-900">{connection.agentEmail}</dd>
            <dt className="text-slate-500">{t("details.auth")}</dt>
            <dd className="text-slate-900">
              {/* The key pairs a destination with one of its own sign-in kinds, which the key type cannot express. */}
              {t(`providers.${provider}.authTypes.${connection.authType}` as Key)}
            </dd>
            <dt className="text-slate-500">{t("details.verified")}</dt>
            <dd className="text-slate-900">{format.dateTime(new Date(connection.verifiedAt), { dateStyle: "medium", timeStyle: "short" })}</dd>
          </dl>
          {connection.notice ? (
            <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t(`providers.${provider}.notices.${connection.notice.code}` as Key, {
                date: connection.notice.date ? format.dateTime(new Date(connection.notice.date), { dateStyle: "long", timeZone: "UTC" }) : "",
              })}
            </p>
          ) : null}
          {!ticket && connection.lastTestTicket ? (
            <p data-testid="last-test-ticket" className="mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
              {texts.text("testTicket.last", {
                id: connection.lastTestTicket.id,
                when: format.dateTime(new Date(connection.lastTestTicket.at), { dateStyle: "medium", timeStyle: "short" }),
              })}{" "}
              <a href={connection.lastTestTicket.url} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 underline">
                {texts.text("testTicket.open", { helpdesk })}
              </a>
            </p>
          ) : null}
          {ticket ? (
            <div
              role={ticket.ok ? "status" : "alert"}
              className={`mt-4 rounded-md px-3 py-2 text-sm ${ticket.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
            >
              {ticket.ok ? (
                <>
                  {texts.text("testTicket.created", { id: ticket.data.id })}{" "}
                  <a href={ticket.data.url} target="_blank" rel="noreferrer" className="font-medium underline">
                    {texts.text("testTicket.open", { helpdesk })}
                  </a>
                </>
              ) : (
                errorText(ticket.error)
              )}
            </div>
          ) : null}
          {disconnected && !disconnected.ok ? (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {errorText(disconnected.error)}
            </p>
          ) : null}
          {canEdit ? (
            confirming ? (
              <form action={disconnect} className="mt-5 space-y-3 rounded-md border border-red-200 bg-red-50 p-3">
                <input type="hidden" name="provider" value={provider} />
                <p className="text-sm text-red-900">{isDestination ? t("confirmDisconnectDestination", { helpdesk }) : t("confirmDisconnect", { helpdesk })}</p>
                <div className="flex gap-2">
                  <Button type="submit" disabled={disconnecting} className="bg-red-600 hover:bg-red-500 disabled:bg-red-400">
                    {disconnecting ? t("disconnecting") : t("disconnect")}
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                    {t("cancel")}
                  </Button>
                </div>
              </form>
            ) : (
              <div className="mt-auto flex flex-wrap gap-2 pt-5">
                <form action={sendTicket}>
                  <input type="hidden" name="provider" value={provider} />
                  <Button ref={firstAction} type="submit" variant="secondary" disabled={sending}>
                    {sending ? t("testTicket.sending") : t("testTicket.action")}
                  </Button>
                </form>
                <Button type="button" variant="secondary" onClick={() => setDialogOpen(true)}>
                  {t("reconnect")}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirming(true)} className="text-red-700 hover:bg-red-50">
                  {t("disconnect")}
                </Button>
              </div>
            )
          ) : null}
        </>
      ) : view.setupRequired ? (
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(
            t.has(`providers.${provider}.setup.${view.setupRequired}` as Key)
              ? (`providers.${provider}.setup.${view.setupRequired}` as Key)
              : (`providers.${provider}.setup.other` as Key),
          )}
        </p>
      ) : canEdit ? (
        <div className="mt-auto pt-5">
          <Button ref={firstAction} type="button" onClick={() => setDialogOpen(true)}>
            {t("connect", { helpdesk })}
          </Button>
        </div>
      ) : null}

      {dialogOpen ? (
        <ConnectDialog
          provider={provider}
          view={view}
          returnTo="/integrations"
          initialError={initialError}
          onClose={() => setDialogOpen(false)}
          onConnected={() => {
            setDialogOpen(false);
            setRefocus(true);
            router.refresh();
          }}
        />
      ) : null}
    </section>
  );
}
