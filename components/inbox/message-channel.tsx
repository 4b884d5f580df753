"use client";

import { useTranslations } from "@/lib/i18n/client";
import type { TranscriptMessageView } from "@/lib/inbox/types";

const deliveryTone = {
  sent: "text-emerald-700",
  queued: "text-sky-700",
  retrying: "text-amber-800",
  failed: "text-red-700",
  bounced: "text-red-700",
  recorded: "text-slate-600",
};

/**
 * Beside a message in the conversation: how it travelled (chat, email, SMS), where an emailed
 * reply stands, and the files a shopper attached to an email (listed only: Baton keeps none).
 */
export function MessageChannel({ message, onDark }: { message: TranscriptMessageView; onDark: boolean }) {
  const t = useTranslations("inbox.message");
  return (
    <>
      <p
        className={`mt-1 text-xs ${onDark ? "text-indigo-100" : "text-slate-600"}`}
        data-testid="message-channel"
        data-channel={message.channel}
        data-delivery={message.delivery ?? ""}
      >
        {t(`channel.${message.channel}`)}
        {message.delivery ? (
          <>
            {" · "}
            <span className={onDark ? "font-medium text-white" : `font-medium ${deliveryTone[message.delivery]}`}>{t(`delivery.${message.delivery}`)}</span>
          </>
        ) : null}
      </p>
      {message.attachments.length > 0 ? (
        <div className="mt-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700" data-testid="message-attachments">
          <p className="font-medium">{t("attachments", { count: message.attachments.length })}</p>
          <ul className="list-disc pl-4">
            {message.attachments.map((a, i) => (
              <li key={i}>{t("attachment", { name: a.filename, kb: Math.max(1, Math.round(a.size / 1024)) })}</li>
            ))}
          </ul>
          <p className="mt-1 text-slate-600">{t("attachmentsNotKept")}</p>
        </div>
      ) : null}
    </>
  );
}
