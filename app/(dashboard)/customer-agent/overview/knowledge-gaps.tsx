"use client";

import { AppLink } from "@/components/ui/app-link";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { Toggletip } from "@/components/ui/toggletip";
import type { OverviewData } from "@/lib/overview/contract";
import { outcomeColors } from "./colors";
import { DismissedGaps, DismissGap } from "./gap-actions";
import { useOverviewFormat } from "./use-overview-format";

/** The most frequent questions the agent could not answer, grouped by similar wording. */
export function KnowledgeGaps({ gaps, days, className = "" }: { gaps: OverviewData["knowledgeGaps"]; days: number; className?: string }) {
  const t = useTranslations("overview");
  const f = useOverviewFormat();
  const format = useFormatter();
  const top = gaps.questions[0]?.count ?? 0;
  return (
    <section
      aria-labelledby="knowledge-gaps-title"
      data-testid="knowledge-gaps"
      className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 id="knowledge-gaps-title" className="text-sm font-semibold text-slate-900">
            {t("gaps.title")}
          </h3>
          <p className="mt-0.5 text-xs text-slate-500">{t("gaps.description")}</p>
        </div>
        <Toggletip label={t("aboutFigure", { figure: t("gaps.title") })} align="right">
          {t("definitions.gaps")}
        </Toggletip>
      </div>
      {gaps.questions.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-200 bg-slate-50/60 px-4 py-10 text-center text-sm text-slate-500">{t("gaps.empty")}</p>
      ) : (
        <>
          <ol className="mt-3 divide-y divide-slate-100">
            {gaps.questions.map((q, i) => (
              <li
                key={q.key}
                className="grid grid-cols-[1.5rem_minmax(0,1fr)] items-center gap-x-3 py-2.5 md:grid-cols-[1.5rem_minmax(0,1fr)_minmax(0,16rem)_9rem]"
                data-testid="knowledge-gap"
              >
                <span className="text-sm font-semibold text-slate-500 tabular-nums">{i + 1}</span>
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-slate-900" title={q.question}>
                    {q.question}
                  </p>
                  {q.variants.length > 0 ? (
                    <p className="mt-0.5 truncate text-xs text-slate-500">
                      <span className="font-medium text-slate-600">{t("gaps.alsoAsked")}</span>{" "}
                      {format.list(
                        q.variants.map((v) => t("gaps.variant", { text: v })),
                        { type: "conjunction" },
                      )}
                    </p>
                  ) : null}
                  {q.covered ? (
                    <p className="mt-0.5 text-xs text-emerald-800" data-testid="gap-covered">
                      <span className="font-medium">{t("gaps.answeredSince", { date: f.day(q.covered.since) })}</span>
                      {" · "}
                      {t("gaps.trend", { before: q.covered.before, since: q.covered.after })}
                    </p>
                  ) : null}
                </div>
                <div className="col-start-2 mt-1.5 md:col-start-auto md:mt-0">
                  <div aria-hidden="true" className="flex h-2 overflow-hidden rounded-full bg-slate-100">
                    <span style={{ width: `${(q.routed / top) * 100}%`, backgroundColor: outcomeColors.routed }} />
                    <span style={{ width: `${(q.messageShown / top) * 100}%`, backgroundColor: outcomeColors.message_shown }} />
                  </div>
                  <p className="mt-1 text-xs text-slate-500">{t("gaps.split", { routed: f.count(q.routed), shown: f.count(q.messageShown) })}</p>
                </div>
                <span className="col-start-2 flex flex-wrap items-center gap-2 text-xs font-medium text-slate-700 tabular-nums md:col-start-auto md:justify-end md:text-right">
                  {t("gaps.asked", { count: q.count })}
                  <AppLink
                    href={`/customer-agent/knowledge?${new URLSearchParams({ add: q.question, variants: q.variants.join("\n"), days: String(days) })}`}
                    className="rounded border border-indigo-200 px-2 py-0.5 text-indigo-700 hover:bg-indigo-50"
                    aria-label={t("gaps.addAnswerLabel", { question: q.question })}
                    data-testid="add-answer"
                  >
                    {t("gaps.addAnswer")}
                  </AppLink>
                  <DismissGap gap={q} />
                </span>
              </li>
            ))}
          </ol>
          <p className="mt-2 text-xs text-slate-500">{t("gaps.sampleAll", { count: gaps.asked })}</p>
        </>
      )}
      <DismissedGaps dismissed={gaps.dismissed} />
    </section>
  );
}
