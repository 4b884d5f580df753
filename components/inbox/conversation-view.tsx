"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { inboxConversationUrl } from "@/lib/inbox/api-urls";
import type { InboxConversationView } from "@/lib/inbox/types";
import { ConversationActions } from "./conversation-actions";
import { MessageChannel } from "./message-channel";
import { EmailFollowUp } from "./email-follow-up";
import { helpdeskNameKey, InboxState } from "./inbox-state";
import { RetryForwardingButton } from "./retry-forwarding-button";
import { SaveAsAnswer } from "./save-as-answer";
import { useLiveJson } from "./live-reads";
import { VerifiedMark } from "./verified-mark";

/** One handed-off conversation, live: the shopper's new messages appear as they are sent. */
export function ConversationView({ conversationId, initial }: { conversationId: string; initial: InboxConversationView }) {
  const t = useTranslations();
  const format = useFormatter();
  const { data, failed: isError } = useLiveJson(inboxConversationUrl(conversationId), initial);
  const { item, transcript } = data;
  const shopper = item.shopperName ?? item.shopperEmail ?? item.shopperPhone ?? t("inbox.unknownShopper");
  const detail = (label: string, value: string | null) =>
    value ? (
      <>
        <dt className="text-slate-500">{label}</dt>
        {/* Long unbroken values (emails, ids) wrap where they must; words are never split. */}
        <dd className="mb-2 text-slate-900 [overflow-wrap:anywhere]">{value}</dd>
      </>
    ) : null;
  return (
    <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="conversation-title" className="min-w-0 rounded-xl border border-slate-200 bg-white">
        <h1 id="conversation-title" className="border-b border-slate-200 px-4 py-4 text-lg font-semibold sm:px-6 text-slate-900">
          {shopper}
          <VerifiedMark verified={item.shopperVerified} />
        </h1>
        {item.status === "failed" ? (
          <div className="mx-4 mt-4 rounded-md sm:mx-6 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="forwarding-failed">
            <p>{t("inbox.forwardingFailed", { helpdesk: t(helpdeskNameKey(item.destination)), error: item.lastError ?? "" })}</p>
            <RetryForwardingButton conversationId={item.conversationId} helpdesk={t(helpdeskNameKey(item.destination))} />
          </div>
        ) : null}
        {data.email && item.status !== "failed" ? (
          <p className="mx-4 mt-4 rounded-md sm:mx-6 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("inbox.email.banner", { email: item.shopperEmail ?? "" })}</p>
        ) : null}
        {isError ? (
          <p role="status" className="mx-4 mt-4 rounded-md sm:mx-6 bg-amber-50 px-3 py-2 text-sm text-amber-800">
            {t("inbox.loadFailed")}
          </p>
        ) : null}
        {/* New messages are announced politely by screen readers as they arrive. */}
        <ol aria-live="polite" aria-relevant="additions" className="space-y-3 px-4 py-4 sm:px-6" data-testid="transcript">
          {transcript.map((m, i) => (
            <li key={i} data-author={m.author} className={`flex ${m.author === "shopper" ? "justify-start" : "justify-end"}`}>
              <div
                className={`max-w-[85%] rounded-2xl [overflow-wrap:anywhere] px-4 py-2 text-sm ${m.author === "shopper" ? "bg-slate-100 text-slate-900" : m.author === "human" ? "bg-indigo-600 text-white" : "border border-slate-200 bg-white text-slate-800"}`}
              >
                <p className={`text-xs font-medium ${m.author === "human" ? "text-indigo-100" : "text-slate-600"}`}>
                  {t(`inbox.authors.${m.author}`, { name: m.name ?? "" })}
                  {" · "}
                  <time dateTime={m.at}>{format.dateTime(new Date(m.at), { dateStyle: "medium", timeStyle: "medium" })}</time>
                </p>
                <p className="mt-1 whitespace-pre-line">{m.text}</p>
                <MessageChannel message={m} onDark={m.author === "human"} />
              </div>
            </li>
          ))}
        </ol>
        <ConversationActions
          conversationId={item.conversationId}
          claimedByMe={item.claimedByMe}
          claimedBy={item.assigneeId && !item.claimedByMe ? item.assigneeName : null}
          closed={Boolean(item.closedAt)}
        />
        {transcript.some((m) => m.author === "human") ? <SaveAsAnswer conversationId={item.conversationId} /> : null}
      </section>
      <div className="h-fit min-w-0 space-y-6">
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <dl className="text-sm">
            {detail(t("inbox.details.email"), item.shopperEmail)}
            {detail(t("inbox.details.phone"), item.shopperPhone)}
            {detail(t("inbox.details.profileId"), item.shopperProfileId)}
            {detail(t("inbox.details.channel"), t(`inbox.channel.${item.channel}`))}
            {detail(t("inbox.details.reason"), item.reason)}
            {detail(t("inbox.details.assignee"), item.assigneeName ?? t("inbox.unassigned"))}
            <dt className="text-slate-500">{t("inbox.details.outcome")}</dt>
            <dd className="mb-2">
              <InboxState row={item} />
            </dd>
          </dl>
        </div>
        {data.email ? (
          <EmailFollowUp conversationId={item.conversationId} to={item.shopperEmail ?? ""} emails={data.email.emails} canSend={data.email.canSend} />
        ) : null}
      </div>
    </div>
  );
}
