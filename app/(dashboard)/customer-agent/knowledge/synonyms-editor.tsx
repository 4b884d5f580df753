"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useId } from "react";
import { controlClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { saveSynonymsAction } from "@/lib/actions/knowledge";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";

/** The merchant's synonym groups, one form per language. */
export function SynonymsEditor({ synonyms, canEdit, locales }: { synonyms: Record<string, string[][]>; canEdit: boolean; locales: string[] }) {
  const t = useTranslations("knowledge");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("synonymsTitle")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("synonymsHint")}</p>
      <div className="mt-3 space-y-2">
        {locales.map((l) => (
          <LanguageSynonyms key={l} locale={l} groups={synonyms[l] ?? []} canEdit={canEdit} />
        ))}
      </div>
    </section>
  );
}

function LanguageSynonyms({ locale, groups, canEdit }: { locale: string; groups: string[][]; canEdit: boolean }) {
  const t = useTranslations("knowledge");
  const id = useId();
  const [result, save, pending] = useActionState(saveSynonymsAction, null);
  const language = t(`languages.${locale}` as "languages.en");
  const error = result && !result.ok ? (Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error.code) : null;
  return (
    <details>
      <summary className="cursor-pointer text-sm text-slate-800">{language}</summary>
      <form action={save} className="mt-2 space-y-2">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor={`${id}-groups`} className="block text-sm font-medium text-slate-800">
          {t("synonymsLabel", { language })}
        </label>
        <textarea
          id={`${id}-groups`}
          name="groups"
          rows={Math.min(10, groups.length + 2)}
          readOnly={!canEdit}
          defaultValue={groups.map((g) => g.join(", ")).join("\n")}
          className={controlClass(Boolean(error))}
        />
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {t(`errors.${asKnowledgeError(error)}`)}
          </p>
        ) : null}
        {result?.ok ? (
          <p role="status" className="text-sm text-emerald-700">
            {t("synonymsSaved")}
          </p>
        ) : null}
        {canEdit ? (
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("synonymsSave")}
          </Button>
        ) : null}
      </form>
    </details>
  );
}
