"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { retryDeliveryAction } from "@/lib/actions/integrations";
import { Button } from "@/components/ui/button";
import type { DeliveryView } from "@/lib/integrations/delivery-view";
import { useDestinationTexts } from "@/components/integrations/destination-texts";

const badge: Record<DeliveryView["status"], string> = {
  queued: "bg-slate-100 text-slate-700",
  retrying: "bg-amber-50 text-amber-800",
  delivered: "bg-emerald-50 text-emerald-700",
  failed: "bg-red-50 text-red-700",
};

export function Deliveries({ deliveries, canEdit, filtered = false }: { deliveries: DeliveryView[]; canEdit: boolean; filtered?: boolean }) {
  const t = useTranslations("integrations");
  if (deliveries.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
        {filtered ? t("deliveries.emptyFiltered") : t("deliveries.empty")}
      </p>
    );
  }
  return (
    // Focusable so a keyboard can scroll the table when it is wider than the screen.
    <div tabIndex={0} className="relative overflow-x-auto rounded-xl focus-visible:outline-2 focus-visible:outline-indigo-600 border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="deliveries">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("deliveries.shopper")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("deliveries.reason")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("deliveries.status")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("deliveries.when")}
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">{t("deliveries.retryNow")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => (
            <DeliveryRow key={d.id} delivery={d} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeliveryRow({ delivery: d, canEdit }: { delivery: DeliveryView; canEdit: boolean }) {
  const t = useTranslations("integrations");
  const tDestinations = useTranslations("handoff.destinations");
  const format = useFormatter();
  const [result, retry, pending] = useActionState(retryDeliveryAction, null);
  const helpdesk = tDestinations(`${d.destination}.name`);
  const texts = useDestinationTexts(d.destination);
  return (
    <tr data-testid="delivery" data-status={d.status}>
      <td className="px-4 py-3 text-slate-900">{d.shopper ?? t("deliveries.unknownShopper")}</td>
      <td className="max-w-xs truncate px-4 py-3 text-slate-600" title={d.reason ?? undefined}>
        {d.reason}
      </td>
      <td className="px-4 py-3">
        <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${badge[d.status]}`}>
          {t(`deliveries.states.${d.status}`, { attempts: d.attempts })}
        </span>
        {d.status === "delivered" && d.ticketUrl ? (
          <a href={d.ticketUrl} target="_blank" rel="noreferrer" className="ml-2 text-xs font-medium text-indigo-700 hover:underline">
            {texts.text("ticket", { helpdesk, id: d.ticketId ?? "" })}
          </a>
        ) : null}
        {d.status !== "delivered" && d.lastError ? <p className="mt-1 text-xs text-slate-500">{d.lastError}</p> : null}
        {d.status === "retrying" ? (
          <p className="text-xs text-slate-500" suppressHydrationWarning>
            {t("deliveries.nextAttempt", { when: format.relativeTime(new Date(d.nextAttemptAt), new Date()) })}
          </p>
        ) : null}
      </td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-600">{format.dateTime(new Date(d.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
      <td className="px-4 py-3 text-right">
        {canEdit && (d.status === "failed" || d.status === "retrying") ? (
          <form action={retry}>
            <input type="hidden" name="id" value={d.id} />
            <Button type="submit" variant="secondary" disabled={pending}>
              {pending ? t("deliveries.retrying") : t("deliveries.retryNow")}
            </Button>
            {result?.ok && result.data.outcome === "in_progress" ? (
              <p role="status" className="mt-1 text-xs text-slate-600">
                {t("deliveries.inProgress")}
              </p>
            ) : null}
          </form>
        ) : null}
      </td>
    </tr>
  );
}
