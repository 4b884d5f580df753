"use client";

import { useFormatter, useNow, useTranslations } from "@/lib/i18n/client";
import type { OutboxEmailView } from "@/lib/inbox/types";
import { RetryEmailButton } from "./retry-email-button";

const badge = {
  sent: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  queued: "bg-sky-50 text-sky-700 ring-sky-600/20",
  retrying: "bg-amber-50 text-amber-800 ring-amber-600/20",
  failed: "bg-red-50 text-red-700 ring-red-600/20",
  recorded: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/**
 * The conversation continues by email: each agent reply is also an email, shown here with its
 * state (sent, queued, retrying, failed with a retry, or only recorded when SMTP is not set up).
 */
export function EmailFollowUp({ conversationId, to, emails, canSend }: { conversationId: string; to: string; emails: OutboxEmailView[]; canSend: boolean }) {
  const t = useTranslations("inbox.email");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  return (
    <section aria-labelledby="email-follow-up-title" className="rounded-xl border border-slate-200 bg-white p-6" data-testid="email-follow-up">
      <h2 id="email-follow-up-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("explanation", { email: to })}</p>
      {!canSend ? (
        <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("notConfigured")}
        </p>
      ) : null}
      {emails.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {emails.map((email) => {
            const state = email.status !== "queued" ? email.status : !canSend ? "recorded" : email.lastError ? "retrying" : "queued";
            return (
              <li key={email.id} data-testid="outbox-email" data-status={state} className="rounded-lg border border-slate-200 p-3 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge[state]}`}>{t(`states.${state}`)}</span>
                  <time dateTime={email.sentAt ?? email.createdAt} className="text-xs text-slate-500" suppressHydrationWarning>
                    {format.relativeTime(Math.min(Date.parse(email.sentAt ?? email.createdAt), now.getTime()), now)}
                  </time>
                </div>
                <p className="mt-2 truncate text-xs text-slate-500">{t("envelope", { to: email.toAddress, subject: email.subject })}</p>
                <p className="mt-1 line-clamp-6 whitespace-pre-line text-slate-700">{email.body}</p>
                {state === "retrying" ? (
                  <p className="mt-2 text-xs text-amber-800" suppressHydrationWarning>
                    {t("retrying", { error: email.lastError ?? "", when: format.relativeTime(new Date(email.nextAttemptAt), now), attempts: email.attempts })}
                  </p>
                ) : null}
                {state === "failed" ? (
                  <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
                    <p className="text-xs text-red-700">{t("failed", { error: email.lastError ?? "" })}</p>
                    <RetryEmailButton conversationId={conversationId} emailId={email.id} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
