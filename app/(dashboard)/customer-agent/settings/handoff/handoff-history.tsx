import { getFormatter, getTranslations } from "next-intl/server";
import type { HandoffChange as Change } from "@/lib/services/handoff-settings";
import type { HandoffSnapshot } from "@/lib/validation/handoff";

export async function HandoffHistory({ changes }: { changes: Change[] }) {
  const t = await getTranslations("handoff");
  const format = await getFormatter();
  const now = new Date();

  function summary(s: HandoffSnapshot) {
    if (s.method === "helpdesk") {
      return t("history.summaryHelpdesk", { destination: t(`destinations.${s.destination}.name`) });
    }
    const short = s.message.length > 80 ? `${s.message.slice(0, 79)}…` : s.message;
    return t("history.summaryMessage", { message: short, count: s.links.length });
  }

  return (
    <section aria-labelledby="handoff-history-title" className="max-w-5xl">
      <h2 id="handoff-history-title" className="text-base font-semibold text-slate-900">
        {t("history.title")}
      </h2>
      {changes.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="handoff-history">
          {changes.map((change) => (
            <li key={change.id} className="px-4 py-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium text-slate-900">
                  {change.reason ? t("history.changedBySystem") : t("history.changedBy", { name: change.userName ?? t("history.removedUser") })}
                </p>
                <time
                  dateTime={change.createdAt.toISOString()}
                  title={format.dateTime(change.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  className="text-xs text-slate-500"
                >
                  {format.relativeTime(change.createdAt, now)}
                </time>
              </div>
              {change.reason === "helpdesk_disconnected" ? <p className="mt-1 text-slate-600">{t("history.reasons.helpdesk_disconnected")}</p> : null}
              <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
                <dt className="text-slate-500">{t("history.before")}</dt>
                <dd>{summary(change.before)}</dd>
                <dt className="text-slate-500">{t("history.after")}</dt>
                <dd>{summary(change.after)}</dd>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
