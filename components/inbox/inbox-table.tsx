"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import type { InboxFilter } from "@/lib/inbox/types";
import { inboxListQuery } from "@/lib/inbox/query-options";
import type { InboxRowView } from "@/lib/inbox/types";
import { useInboxRefetchInterval } from "./live-updates";
import { VerifiedMark } from "./verified-mark";

/** The inbox rows for one filter, live: new handoffs appear without a reload. */
export function InboxTable({ filter }: { filter: InboxFilter }) {
  const t = useTranslations();
  const { data: rows = [], isError } = useQuery({ ...inboxListQuery(filter), refetchInterval: useInboxRefetchInterval() });
  if (rows.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
        {isError ? t("inbox.loadFailed") : t("inbox.empty")}
      </p>
    );
  }
  return (
    // Focusable so a keyboard can scroll the table when it is wider than the screen.
    <div tabIndex={0} className="relative overflow-x-auto rounded-xl focus-visible:outline-2 focus-visible:outline-indigo-600 border border-slate-200 bg-white">
      {isError ? (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
          {t("inbox.loadFailed")}
        </p>
      ) : null}
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="inbox">
        <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            {(["shopper", "channel", "reason", "waiting", "assignee", "status"] as const).map((c) => (
              <th key={c} scope="col" className="px-4 py-2">
                {t(`inbox.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <InboxRow key={r.escalationId} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InboxRow({ row: r }: { row: InboxRowView }) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  return (
    <tr data-testid="inbox-row" className="hover:bg-slate-50">
      <td className="px-4 py-3">
        <Link href={`/inbox/${r.conversationId}`} className="font-medium text-indigo-700 hover:underline">
          {r.shopperName ?? r.shopperEmail ?? r.shopperPhone ?? t("inbox.unknownShopper")}
        </Link>
        <VerifiedMark verified={r.shopperVerified} />
        {r.shopperName && r.shopperEmail ? <span className="block text-xs text-slate-500">{r.shopperEmail}</span> : null}
      </td>
      <td className="px-4 py-3 text-slate-600">{t(`inbox.channel.${r.channel}`)}</td>
      <td className="max-w-xs truncate px-4 py-3 text-slate-700" title={r.reason ?? undefined}>
        {r.reason}
      </td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-600" suppressHydrationWarning>
        {format.relativeTime(new Date(r.createdAt), now)}
      </td>
      <td className="px-4 py-3 text-slate-600">{r.assigneeName ?? t("inbox.unassigned")}</td>
      <td className="px-4 py-3">
        <DeliveryStatus row={r} />
      </td>
    </tr>
  );
}

export function DeliveryStatus({ row }: { row: Pick<InboxRowView, "status" | "destination"> }) {
  const t = useTranslations();
  const failed = row.status === "failed";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${failed ? "bg-red-50 text-red-700" : "bg-indigo-50 text-indigo-700"}`}>
      {failed ? t("inbox.statuses.failed", { helpdesk: t(helpdeskNameKey(row.destination)) }) : t("inbox.statuses.in_inbox")}
    </span>
  );
}

/** The message key of the helpdesk a failed forward was meant for. */
export function helpdeskNameKey(destination: InboxRowView["destination"]) {
  return `handoff.destinations.${destination}.name` as const;
}
