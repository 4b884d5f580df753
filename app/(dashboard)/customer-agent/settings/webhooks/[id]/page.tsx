import type { Metadata } from "next";
import { AppLink } from "@/components/ui/app-link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { isAppError } from "@/lib/errors";
import { webhookDeliveryLog } from "@/lib/services/webhooks";
import { ResendButton } from "./resend-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("logTitle") };
}

export default async function WebhookLogPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember({ role: "admin" });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const log = await webhookDeliveryLog(await getDb(), { accountId: member.accountId, id: id.data }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const t = await getTranslations("webhooks");
  const format = await getFormatter();
  const cell = "px-3 py-2 align-top";
  return (
    <div className="max-w-5xl space-y-4">
      <AppLink href="/customer-agent/settings/webhooks" className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
        {t("back")}
      </AppLink>
      <h2 className="text-lg font-semibold text-slate-900 [overflow-wrap:anywhere]">{t("logFor", { url: log.endpoint.url })}</h2>
      {log.deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("logEmpty")}</p>
      ) : (
        // Focusable so a keyboard can scroll a table wider than a phone's screen.
        <div
          tabIndex={0}
          role="region"
          aria-labelledby="log-caption"
          className="overflow-x-auto rounded-xl border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <table className="min-w-full text-left text-sm" data-testid="webhook-log">
            <caption id="log-caption" className="sr-only">
              {t("logCaption")}
            </caption>
            <thead className="bg-slate-50 text-xs font-semibold text-slate-700">
              <tr>
                {(["event", "status", "code", "response", "duration", "attempts", "next", "actions"] as const).map((c) => (
                  <th key={c} scope="col" className={cell}>
                    {t(`col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 text-slate-800">
              {log.deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className={cell}>
                    <span className="font-medium">{d.type}</span>
                    <code className="block text-xs text-slate-600">{d.eventId}</code>
                  </td>
                  <td className={cell}>{t(`status.${d.status}`)}</td>
                  <td className={cell}>{d.statusCode ?? t("noValue")}</td>
                  <td className={`${cell} max-w-xs`}>
                    <code className="line-clamp-3 text-xs [overflow-wrap:anywhere]">{d.excerpt || t("noValue")}</code>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>{d.durationMs === null ? t("noValue") : t("durationMs", { ms: d.durationMs })}</td>
                  <td className={cell}>{d.attempts}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {d.nextAttemptAt ? format.dateTime(new Date(d.nextAttemptAt), { dateStyle: "short", timeStyle: "medium" }) : t("noValue")}
                  </td>
                  <td className={cell}>
                    <ResendButton id={d.id} label={t("resendLabel", { event: d.type, id: d.eventId })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
