"use client";

import { useTranslations } from "@/lib/i18n/client";
import { AppLink } from "@/components/ui/app-link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryAllFailedAction } from "@/lib/actions/integrations";
import { deliveryFilters, type DeliveryCounts } from "@/lib/integrations/delivery-view";
import type { ConnectableId } from "@/lib/validation/integrations";

type Status = (typeof deliveryFilters)[number];
const href = (status: Status | null, page = 1) => {
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return `/integrations${text ? `?${text}` : ""}#deliveries-title`;
};

/** The status filter: failed and retrying first, each with its count; links, so it works without script. */
export function DeliveryFilters({ counts, current }: { counts: DeliveryCounts["all"]; current: Status | null }) {
  const t = useTranslations("integrations.deliveries");
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const item = (status: Status | null, label: string, n: number) => (
    <li key={status ?? "all"}>
      <AppLink
        href={href(status)}
        aria-current={current === status ? "page" : undefined}
        data-testid={`delivery-filter-${status ?? "all"}`}
        className={`inline-flex min-h-9 items-center gap-1 rounded-full border px-3 text-sm ${current === status ? "border-indigo-600 bg-indigo-50 font-medium text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
      >
        {label}
        <span className="tabular-nums text-slate-600">{n}</span>
      </AppLink>
    </li>
  );
  return (
    <nav aria-label={t("filterLabel")}>
      <ul className="flex flex-wrap gap-2">
        {deliveryFilters.map((status) => item(status, t(`filters.${status}`), counts[status]))}
        {item(null, t("filters.all"), all)}
      </ul>
    </nav>
  );
}

/** Previous / next page of the list, with where this page sits. */
export function DeliveryPaging({ page, pageSize, total, status }: { page: number; pageSize: number; total: number; status: Status | null }) {
  const t = useTranslations("integrations.deliveries");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const link = "inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <nav aria-label={t("pagingLabel")} className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      {page > 1 ? (
        <AppLink href={href(status, page - 1)} className={link} rel="prev">
          {t("previous")}
        </AppLink>
      ) : (
        <span />
      )}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <AppLink href={href(status, page + 1)} className={link} rel="next">
          {t("next")}
        </AppLink>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** "Retry all failed" per helpdesk with failed deliveries, offered once it accepts tickets again. */
export function RetryAllFailed({ destinations }: { destinations: Array<{ id: string; failed: number; failing: boolean }> }) {
  if (destinations.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-3">
      {destinations.map((d) => (
        <li key={d.id}>
          <RetryAllFailedForm destination={d.id as ConnectableId} failed={d.failed} failing={d.failing} />
        </li>
      ))}
    </ul>
  );
}

function RetryAllFailedForm({ destination, failed, failing }: { destination: ConnectableId; failed: number; failing: boolean }) {
  const t = useTranslations("integrations");
  const [result, retryAll, pending] = useActionState(retryAllFailedAction, null);
  const helpdesk = t(`providers.${destination}.name`);
  return (
    <form action={retryAll} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="provider" value={destination} />
      <Button type="submit" variant="secondary" disabled={pending || failing} data-testid={`retry-all-${destination}`}>
        {pending ? t("deliveries.retrying") : t("deliveries.retryAll", { helpdesk, failed })}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {failing ? t("deliveries.retryAllWhenBack", { helpdesk }) : null}
        {result?.ok ? t("deliveries.retryAllDone", { requeued: result.data.requeued }) : null}
        {result && !result.ok ? <span className="text-red-700">{t("deliveries.retryAllFailed")}</span> : null}
      </span>
    </form>
  );
}
