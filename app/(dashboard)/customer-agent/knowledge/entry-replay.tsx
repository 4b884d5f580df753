"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { replayEntryAction } from "@/lib/actions/knowledge-gaps";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";

/**
 * "Check against unanswered questions": sends the editor's form (its current fields) to the
 * replay, which answers how many of the range's unanswered questions this entry would have
 * answered. A button of the editor's own form (formAction), so it reads what is typed now.
 */
export function EntryReplay({ days }: { days: number }) {
  const t = useTranslations("knowledge");
  const [result, replay, pending] = useActionState(replayEntryAction, null);
  const error = result && !result.ok ? (Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error.code) : null;
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="entry-replay">
      <p className="text-sm font-medium text-slate-800">{t("replayTitle")}</p>
      <input type="hidden" name="days" value={days} />
      <Button type="submit" formAction={replay} formNoValidate variant="secondary" disabled={pending} className="mt-2">
        {pending ? t("replayChecking") : t("replayButton")}
      </Button>
      <div role="status" aria-live="polite" className="mt-2 text-sm text-slate-700" data-testid="replay-result">
        {result?.ok ? (
          <>
            <p>{t("replayResult", { count: result.data.answered, total: result.data.total, days: result.data.days })}</p>
            {result.data.examples.length > 0 ? (
              <p className="mt-1 text-xs text-slate-600">
                {t("replayExamples")} {result.data.examples.map((text) => t("replayExample", { text })).join(", ")}
              </p>
            ) : null}
          </>
        ) : null}
        {error ? <p className="text-red-700">{t(`errors.${asKnowledgeError(error)}`)}</p> : null}
      </div>
    </div>
  );
}
