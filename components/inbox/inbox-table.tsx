"use client";

import { useFormatter, useNow, useTranslations } from "@/lib/i18n/client";
import { AppLink } from "@/components/ui/app-link";
import { useCallback, useEffect, useRef } from "react";
import type { InboxFilter, InboxPage } from "@/lib/inbox/types";
import { filterQuery, inboxListUrl } from "@/lib/inbox/api-urls";
import type { InboxRowView } from "@/lib/inbox/types";
import { Button } from "@/components/ui/button";
import { InboxState } from "./inbox-state";
import { useLivePages } from "./live-reads";
import { VerifiedMark } from "./verified-mark";

/**
 * The inbox rows for one filter, live (new handoffs appear without a reload), a page at a time,
 * starting from the server's first page. The page keys it by filter: another filter starts afresh.
 */
export function InboxTable({ filter, firstPage }: { filter: InboxFilter; firstPage: InboxPage }) {
  const t = useTranslations();
  const query = filterQuery(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the query string is the filter's identity
  const url = useCallback((after: string | null) => inboxListUrl(filter, after), [query]);
  const { rows, failed, hasMore, loadMore: readMore, loadingMore } = useLivePages(url, firstPage);
  // After "Load more", focus moves to the first new row, where reading and tabbing continue.
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null || rows.length <= focusRow.current) return;
    body.current?.querySelectorAll<HTMLAnchorElement>("a[data-row-link]")[focusRow.current]?.focus();
    focusRow.current = null;
  }, [rows.length]);
  const loadMore = () => {
    focusRow.current = rows.length;
    void readMore();
  };

  const summary = (
    <p role="status" className="text-sm text-slate-600" data-testid="inbox-summary">
      {filter.q
        ? t("inbox.search.results", { count: rows.length, more: hasMore ? "yes" : "no", q: filter.q })
        : rows.length > 0
          ? t("inbox.shown", { count: rows.length, more: hasMore ? "yes" : "no" })
          : null}
    </p>
  );
  if (rows.length === 0) {
    return (
      <>
        {summary}
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">
          {failed ? t("inbox.loadFailed") : filter.q ? t("inbox.search.none") : t("inbox.empty")}
        </p>
      </>
    );
  }
  const closed = filter.state === "closed";
  return (
    <div className="space-y-3">
      {summary}
      {/* Focusable so a keyboard can scroll the table when it is wider than the screen. */}
      <div
        tabIndex={0}
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {failed ? (
          <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
            {t("inbox.loadFailed")}
          </p>
        ) : null}
        <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="inbox">
          <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
            <tr>
              {(["shopper", "channel", "reason", closed ? "closed" : "waiting", "assignee", closed ? "outcome" : "status"] as const).map((c) => (
                <th key={c} scope="col" className="px-4 py-2">
                  {t(`inbox.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body} className="divide-y divide-slate-100">
            {rows.map((r) => (
              <InboxRow key={r.escalationId} row={r} closed={closed} />
            ))}
          </tbody>
        </table>
      </div>
      {hasMore ? (
        <Button type="button" variant="secondary" onClick={loadMore} disabled={loadingMore} data-testid="inbox-more">
          {loadingMore ? t("inbox.loadingMore") : t("inbox.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}

function InboxRow({ row: r, closed }: { row: InboxRowView; closed: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const when = closed && r.closedAt ? r.closedAt : r.createdAt;
  return (
    <tr data-testid="inbox-row" className="hover:bg-slate-50">
      <td className="px-4 py-3">
        <AppLink href={`/inbox/${r.conversationId}`} data-row-link className="font-medium text-indigo-700 hover:underline">
          {r.shopperName ?? r.shopperEmail ?? r.shopperPhone ?? t("inbox.unknownShopper")}
        </AppLink>
        <VerifiedMark verified={r.shopperVerified} />
        {r.shopperRepliedAt ? (
          <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="shopper-replied">
            {t("inbox.shopperReplied")}
          </span>
        ) : null}
        {r.overdue ? (
          <span
            className="ml-2 rounded-full bg-rose-50 px-2 py-0.5 text-xs font-semibold text-rose-800"
            data-testid="overdue"
            title={t("notifications.overdue.label")}
          >
            {t("notifications.overdue.badge")}
          </span>
        ) : null}
        {r.shopperName && r.shopperEmail ? <span className="block text-xs text-slate-500">{r.shopperEmail}</span> : null}
      </td>
      <td className="px-4 py-3 text-slate-600">{t(`inbox.channel.${r.channel}`)}</td>
      <td className="max-w-xs truncate px-4 py-3 text-slate-700" title={r.reason ?? undefined}>
        {r.reason}
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-slate-600">
        {/* The server's "now" and the browser's differ by the page's trip: "2 minutes ago" may
            hydrate as "3 minutes ago". The warning is suppressed on the element whose text it is. */}
        <time dateTime={when} suppressHydrationWarning>
          {format.relativeTime(new Date(when), now)}
        </time>
      </td>
      <td className="px-4 py-3 text-slate-600">{r.assigneeName ?? t("inbox.unassigned")}</td>
      <td className="px-4 py-3">
        <InboxState row={r} />
      </td>
    </tr>
  );
}
