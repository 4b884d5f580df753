import { AppLink } from "@/components/ui/app-link";
import { getFormatter, getTranslations } from "next-intl/server";

export type InboundMailView = {
  id: string;
  outcome: "appended" | "unmatched" | "bounce";
  conversationId: string | null;
  fromAddress: string;
  subject: string;
  text: string;
  bounceReason: string | null;
  bouncedTo: string | null;
  receivedAt: Date;
};

/**
 * Mail an admin should look at (admins only): answers to a conversation from someone other than its
 * shopper, kept aside and never shown to the shopper's agent as theirs, and bounces of the
 * team's emails. Each links to its conversation.
 */
export async function InboundMail({ mail }: { mail: InboundMailView[] }) {
  const t = await getTranslations("integrations.inboundMail");
  const format = await getFormatter();
  return (
    <section aria-labelledby="inbound-mail-title" className="max-w-5xl space-y-3" data-testid="inbound-mail">
      <div>
        <h2 id="inbound-mail-title" className="text-base font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {mail.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
          {mail.map((m) => (
            <li key={m.id} className="px-4 py-3 text-sm" data-testid="inbound-mail-item" data-outcome={m.outcome}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${m.outcome === "bounce" ? "bg-red-50 text-red-700" : "bg-amber-50 text-amber-800"}`}
                >
                  {m.outcome === "bounce" ? t("bounce") : t("unmatched")}
                </span>
                <time dateTime={m.receivedAt.toISOString()} className="text-xs text-slate-500">
                  {format.dateTime(m.receivedAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </div>
              <p className="mt-1 text-slate-900 [overflow-wrap:anywhere]">
                {m.outcome === "bounce" ? t("bouncedTo", { address: m.bouncedTo ?? "" }) : t("from", { address: m.fromAddress, subject: m.subject })}
              </p>
              <p className="mt-1 line-clamp-3 whitespace-pre-line text-slate-600 [overflow-wrap:anywhere]">
                {m.outcome === "bounce" ? m.bounceReason : m.text}
              </p>
              {m.conversationId ? (
                <AppLink href={`/inbox/${m.conversationId}`} className="mt-1 inline-block text-indigo-700 underline hover:text-indigo-900">
                  {t("open")}
                </AppLink>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
