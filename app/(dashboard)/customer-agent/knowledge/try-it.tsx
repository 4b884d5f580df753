"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { tryItAction } from "@/lib/actions/knowledge";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";

/** Try it: a shopper's question in, what the agent would do out, with each word's part in the score. */
export function TryIt({ locales }: { locales: string[] }) {
  const t = useTranslations("knowledge");
  const id = useId();
  const [result, ask, pending] = useActionState(tryItAction, null);
  const score = (n: number) => n.toFixed(2);
  const error = result && !result.ok ? (result.fieldErrors?.text?.[0] ?? result.error.code) : null;
  const data = result?.ok ? result.data : null;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("tryTitle")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("tryHint")}</p>
      <form action={ask} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
            {t("tryLabel")}
          </label>
          <input
            id={`${id}-text`}
            name="text"
            placeholder={t("tryPlaceholder")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor={`${id}-locale`} className="block text-sm font-medium text-slate-800">
            {t("tryLanguage")}
          </label>
          <select id={`${id}-locale`} name="locale" className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {locales.map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}` as "languages.en")}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("tryAsking") : t("tryAsk")}
        </Button>
      </form>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700">
          {t(`errors.${asKnowledgeError(error)}`)}
        </p>
      ) : null}
      {data ? (
        <div role="status" data-testid="try-it-result" className="mt-4 space-y-3 text-sm">
          {data.match ? (
            <>
              <p className="font-medium text-emerald-800">
                {t("tryAnswers", { question: data.match.question, score: score(data.match.score), threshold: score(data.threshold) })}
              </p>
              <blockquote className="rounded-md bg-slate-50 px-3 py-2 text-slate-800">{data.match.answer}</blockquote>
            </>
          ) : (
            <p className="font-medium text-amber-800">
              {data.candidates[0] ? t("tryHandoff", { score: score(data.candidates[0].score), threshold: score(data.threshold) }) : t("tryNoCandidate")}
            </p>
          )}
          {data.candidates.length > 0 ? (
            <details>
              <summary className="cursor-pointer text-slate-700">{t("tryWhy")}</summary>
              <ul className="mt-2 space-y-2">
                {data.candidates.map((c) => (
                  <li key={c.entryId}>
                    <p className="text-slate-800">{t("tryCandidate", { question: c.question, phrasing: c.phrasing, score: score(c.score) })}</p>
                    <ul className="mt-1 flex flex-wrap gap-1">
                      {c.matches.map((m) => (
                        <li
                          key={m.word}
                          className={`rounded px-2 py-0.5 text-xs ${m.how === "none" ? "bg-red-50 text-red-800" : m.how === "answer" ? "bg-amber-50 text-amber-800" : "bg-emerald-50 text-emerald-800"}`}
                        >
                          {t("tryWord", { word: m.word, how: t(`how.${m.how}`, { to: m.to ?? "" }) })}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
