import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppLink } from "@/components/ui/app-link";
import { getDb } from "@/db/client";
import { InboxSearch } from "@/components/inbox/inbox-search";
import { InboxTable } from "@/components/inbox/inbox-table";
import { filterQuery } from "@/lib/inbox/api-urls";
import { inboxRows } from "@/lib/inbox/views";
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
  const search = await searchParams;
  const filter = inboxFilterSchema.parse(search);
  const typed = typeof search.q === "string" ? search.q.trim() : "";
  const db = await getDb();
  const firstPage = await inboxRows(db, member, filter);
  const t = await getTranslations();
  const href = (change: Partial<typeof filter>) => `/inbox?${filterQuery({ ...filter, ...change })}`;
  const pill = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;
  return (
    <>
      <PageHeader title={t("pages.inbox.title")} description={t("pages.inbox.description")} />
      <div className="space-y-4 px-4 py-6 sm:px-8">
        <nav aria-label={t("inbox.filtersLabel")} className="flex flex-wrap items-center gap-4">
          <div className="flex gap-1">
            {(["unassigned", "mine", "all"] as const).map((a) => (
              <AppLink key={a} href={href({ assignee: a })} aria-current={filter.assignee === a ? "true" : undefined} className={pill(filter.assignee === a)}>
                {t(`inbox.assignee.${a}`)}
              </AppLink>
            ))}
          </div>
          <div className="flex gap-1">
            {(["open", "closed"] as const).map((s) => (
              <AppLink key={s} href={href({ state: s })} aria-current={filter.state === s ? "true" : undefined} className={pill(filter.state === s)}>
                {t(`inbox.state.${s}`)}
              </AppLink>
            ))}
          </div>
          <div className="flex gap-1">
            {([undefined, "web_chat", "sms"] as const).map((c) => (
              <AppLink
                key={c ?? "all"}
                href={href({ channel: c })}
                aria-current={filter.channel === c ? "true" : undefined}
                className={pill(filter.channel === c)}
              >
                {t(`inbox.channel.${c ?? "all"}`)}
              </AppLink>
            ))}
          </div>
        </nav>
        <InboxSearch filter={filter} typed={typed} clearHref={href({ q: undefined })} />
        <InboxTable key={filterQuery(filter)} filter={filter} firstPage={firstPage} />
      </div>
    </>
  );
}
