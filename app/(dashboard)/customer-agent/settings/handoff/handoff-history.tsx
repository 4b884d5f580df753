import { getFormatter, getTranslations } from "next-intl/server";
import type { AgentSwitchChange } from "@/lib/services/agent-switch";
import type { HandoffChange as Change } from "@/lib/services/handoff-settings";
import type { HandoffSnapshot } from "@/lib/validation/handoff";

type Entry = { kind: "handoff"; change: Change } | { kind: "agent"; change: AgentSwitchChange };

/** The Settings history: handoff method changes and the Customer Agent turned on or off, newest first. */
export async function HandoffHistory({ changes, switches }: { changes: Change[]; switches: AgentSwitchChange[] }) {
  const t = await getTranslations("handoff");
  const format = await getFormatter();
  const now = new Date();
  const entries: Entry[] = [
    ...changes.map((change) => ({ kind: "handoff" as const, change })),
    ...switches.map((change) => ({ kind: "agent" as const, change })),
  ].sort((a, b) => b.change.createdAt.getTime() - a.change.createdAt.getTime());
  const who = (name: string | null) => name ?? t("history.removedUser");

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
      {entries.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="handoff-history">
          {entries.map(({ kind, change }) => {
            const when = (
              <time
                dateTime={change.createdAt.toISOString()}
                title={format.dateTime(change.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                className="text-xs text-slate-500"
              >
                {format.relativeTime(change.createdAt, now)}
              </time>
            );
            if (kind === "agent") {
              return (
                <li
                  key={`agent-${change.id}`}
                  className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm"
                  data-testid="agent-switch-change"
                >
                  <p className="font-medium text-slate-900">{t(change.enabled ? "history.agentOn" : "history.agentOff", { name: who(change.userName) })}</p>
                  {when}
                </li>
              );
            }
            return (
              <li key={change.id} className="px-4 py-3 text-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium text-slate-900">
                    {change.reason ? t("history.changedBySystem") : t("history.changedBy", { name: who(change.userName) })}
                  </p>
                  {when}
                </div>
                {change.reason === "helpdesk_disconnected" ? <p className="mt-1 text-slate-600">{t("history.reasons.helpdesk_disconnected")}</p> : null}
                <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
                  <dt className="text-slate-500">{t("history.before")}</dt>
                  <dd>{summary(change.before)}</dd>
                  <dt className="text-slate-500">{t("history.after")}</dt>
                  <dd>{summary(change.after)}</dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
