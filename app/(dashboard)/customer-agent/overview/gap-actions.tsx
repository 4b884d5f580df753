"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect } from "react";
import { dismissGapAction, restoreGapAction } from "@/lib/actions/knowledge-gaps";
import type { OverviewData } from "@/lib/overview/contract";

const small = "rounded border px-2 py-0.5 text-xs font-medium";

/** Refetches the overview once an action has changed the gaps (each result once, by its time). */
function useRefetchAfter(result: { ok: boolean; at?: number } | null) {
  const client = useQueryClient();
  const at = result?.ok ? result.at : undefined;
  useEffect(() => {
    if (at) void client.invalidateQueries({ queryKey: ["overview"] });
  }, [at, client]);
}

/** "Not a knowledge gap" on one group. */
export function DismissGap({ gap }: { gap: { key: string; question: string } }) {
  const t = useTranslations("overview.gaps");
  const [result, dismiss, pending] = useActionState(dismissGapAction, null);
  useRefetchAfter(result);
  return (
    <form action={dismiss}>
      <input type="hidden" name="key" value={gap.key} />
      <input type="hidden" name="question" value={gap.question} />
      <button
        type="submit"
        disabled={pending}
        className={`${small} border-slate-300 text-slate-700 hover:bg-slate-50`}
        aria-label={t("dismissLabel", { question: gap.question })}
        data-testid="dismiss-gap"
      >
        {t("dismiss")}
      </button>
    </form>
  );
}

/** The dismissed groups, folded away, each with Restore. */
export function DismissedGaps({ dismissed }: { dismissed: OverviewData["knowledgeGaps"]["dismissed"] }) {
  const t = useTranslations("overview.gaps");
  const format = useFormatter();
  const [result, restore, pending] = useActionState(restoreGapAction, null);
  useRefetchAfter(result);
  if (dismissed.length === 0) return null;
  return (
    <details className="mt-3 text-xs text-slate-600" data-testid="dismissed-gaps">
      <summary className="cursor-pointer font-medium text-slate-700">{t("dismissedTitle", { count: dismissed.length })}</summary>
      <ul className="mt-2 divide-y divide-slate-100">
        {dismissed.map((d) => (
          <li key={d.key} className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-testid="dismissed-gap">
            <span className="min-w-0">
              <span className="font-medium text-slate-800">{d.question}</span>{" "}
              {t("dismissedOn", { date: format.dateTime(new Date(d.dismissedAt), { dateStyle: "medium" }) })}
            </span>
            <form action={restore}>
              <input type="hidden" name="key" value={d.key} />
              <button
                type="submit"
                disabled={pending}
                className={`${small} border-indigo-200 text-indigo-700 hover:bg-indigo-50`}
                aria-label={t("restoreLabel", { question: d.question })}
              >
                {t("restore")}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </details>
  );
}
