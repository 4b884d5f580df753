import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { requireMember } from "@/lib/auth/require-member";
import { conversationEmails, repliesByEmail } from "@/lib/services/email-outbox";
import { openInboxConversation } from "@/lib/services/inbox";
import { ConversationActions } from "./conversation-actions";
import { EmailFollowUp } from "./email-follow-up";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.inbox");
  return { title: t("title") };
}

export default async function InboxConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const db = await getDb();
  const opened = await openInboxConversation(db, member, id.data);
  if (!opened) notFound();
  const { item, transcript } = opened;
  const byEmail = repliesByEmail(item);
  const outbox = byEmail ? await conversationEmails(db, { accountId: member.accountId, conversationId: item.conversationId }) : null;
  const t = await getTranslations();
  const format = await getFormatter();
  const shopper = item.shopperName ?? item.shopperEmail ?? item.shopperPhone ?? t("inbox.unknownShopper");
  const detail = (label: string, value: string | null) =>
    value ? (
      <>
        <dt className="text-slate-500">{label}</dt>
        <dd className="break-all text-slate-900">{value}</dd>
      </>
    ) : null;
  return (
    <div className="px-8 py-8">
      <AutoRefresh />
      <Link href="/inbox" className="text-sm font-medium text-indigo-700 hover:underline">
        {t("inbox.back")}
      </Link>
      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="conversation-title" className="rounded-xl border border-slate-200 bg-white">
          <h1 id="conversation-title" className="border-b border-slate-200 px-6 py-4 text-lg font-semibold text-slate-900">
            {shopper}
          </h1>
          {item.status === "failed" ? (
            <p className="mx-6 mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("inbox.forwardingFailed", { helpdesk: t(`integrations.providers.${item.destination === "gorgias" ? "gorgias" : "zendesk"}.name`), error: item.lastError ?? "" })}
            </p>
          ) : null}
          {byEmail && item.status !== "failed" ? (
            <p className="mx-6 mt-4 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("inbox.email.banner", { email: item.shopperEmail ?? "" })}</p>
          ) : null}
          <ol className="space-y-3 px-6 py-4" data-testid="transcript">
            {transcript.map((m, i) => (
              <li key={i} data-author={m.author} className={`flex ${m.author === "shopper" ? "justify-start" : "justify-end"}`}>
                <div className={`max-w-[80%] rounded-2xl px-4 py-2 text-sm ${m.author === "shopper" ? "bg-slate-100 text-slate-900" : m.author === "human" ? "bg-indigo-600 text-white" : "border border-slate-200 bg-white text-slate-800"}`}>
                  <p className={`text-xs font-medium ${m.author === "human" ? "text-indigo-100" : "text-slate-500"}`}>
                    {t(`inbox.authors.${m.author ?? "system"}`, { name: typeof m.data?.name === "string" ? m.data.name : "" })}
                    {" · "}
                    <time dateTime={m.at.toISOString()}>{format.dateTime(m.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
                  </p>
                  <p className="mt-1 whitespace-pre-line">{m.text}</p>
                </div>
              </li>
            ))}
          </ol>
          <ConversationActions
            conversationId={item.conversationId}
            claimedByMe={item.assigneeId === member.userId}
            claimedBy={item.assigneeId && item.assigneeId !== member.userId ? item.assigneeName : null}
            closed={Boolean(item.closedAt)}
          />
        </section>
        <aside className="h-fit rounded-xl border border-slate-200 bg-white p-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {detail(t("inbox.details.email"), item.shopperEmail)}
            {detail(t("inbox.details.phone"), item.shopperPhone)}
            {detail(t("inbox.details.profileId"), item.shopperProfileId)}
            {detail(t("inbox.details.channel"), t(`inbox.channel.${item.channel}`))}
            {detail(t("inbox.details.reason"), item.reason)}
            {detail(t("inbox.details.assignee"), item.assigneeName ?? t("inbox.unassigned"))}
          </dl>
        </aside>
        {outbox ? <EmailFollowUp conversationId={item.conversationId} to={item.shopperEmail ?? ""} emails={outbox.emails} canSend={outbox.canSend} /> : null}
      </div>
    </div>
  );
}
