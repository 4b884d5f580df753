import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listInbox } from "@/db/queries/inbox";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { PageHeader } from "@/components/layout/page-header";
import { requireMember } from "@/lib/auth/require-member";
import { inboxFilterSchema } from "@/lib/validation/inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.inbox");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember();
  const filter = inboxFilterSchema.parse(await searchParams);
  const rows = await listInbox(await getDb(), { accountId: member.accountId, userId: member.userId, filter, limit: 100 });
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const href = (change: Partial<typeof filter>) => {
    const next = { ...filter, ...change };
    const query = new URLSearchParams({ assignee: next.assignee, state: next.state, ...(next.channel ? { channel: next.channel } : {}) });
    return `/inbox?${query}`;
  };
  const pill = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;
  return (
    <>
      <PageHeader title={t("pages.inbox.title")} description={t("pages.inbox.description")} />
      <AutoRefresh />
      <div className="space-y-4 px-8 py-6">
        <nav aria-label={t("inbox.filtersLabel")} className="flex flex-wrap items-center gap-4">
          <div className="flex gap-1">
            {(["unassigned", "mine", "all"] as const).map((a) => (
              <Link key={a} href={href({ assignee: a })} aria-current={filter.assignee === a ? "true" : undefined} className={pill(filter.assignee === a)}>
                {t(`inbox.assignee.${a}`)}
              </Link>
            ))}
          </div>
          <div className="flex gap-1">
            {(["open", "closed"] as const).map((s) => (
              <Link key={s} href={href({ state: s })} aria-current={filter.state === s ? "true" : undefined} className={pill(filter.state === s)}>
                {t(`inbox.state.${s}`)}
              </Link>
            ))}
          </div>
          <div className="flex gap-1">
            {([undefined, "web_chat", "sms"] as const).map((c) => (
              <Link key={c ?? "all"} href={href({ channel: c })} aria-current={filter.channel === c ? "true" : undefined} className={pill(filter.channel === c)}>
                {t(`inbox.channel.${c ?? "all"}`)}
              </Link>
            ))}
          </div>
        </nav>
        {rows.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-slate-600">{t("inbox.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
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
                  <tr key={r.escalationId} data-testid="inbox-row" className="hover:bg-slate-50">
                    <td className="px-4 py-3">
                      <Link href={`/inbox/${r.conversationId}`} className="font-medium text-indigo-700 hover:underline">
                        {r.shopperName ?? r.shopperEmail ?? r.shopperPhone ?? t("inbox.unknownShopper")}
                      </Link>
                      {r.shopperName && r.shopperEmail ? <span className="block text-xs text-slate-500">{r.shopperEmail}</span> : null}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{t(`inbox.channel.${r.channel}`)}</td>
                    <td className="max-w-xs truncate px-4 py-3 text-slate-700" title={r.reason ?? undefined}>
                      {r.reason}
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600">{format.relativeTime(r.createdAt, now)}</td>
                    <td className="px-4 py-3 text-slate-600">{r.assigneeName ?? t("inbox.unassigned")}</td>
                    <td className="px-4 py-3">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${r.status === "failed" ? "bg-red-50 text-red-700" : "bg-indigo-50 text-indigo-700"}`}>
                        {r.status === "failed"
                          ? t("inbox.statuses.failed", { helpdesk: t(`integrations.providers.${r.destination === "gorgias" ? "gorgias" : "zendesk"}.name`) })
                          : t("inbox.statuses.in_inbox")}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
