"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useId } from "react";
import { Field, controlClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { saveEntryAction } from "@/lib/actions/knowledge";
import type { KnowledgeEntryView } from "@/lib/validation/knowledge";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";
import { EntryReplay } from "./entry-replay";

type Initial = Partial<Pick<KnowledgeEntryView, "id" | "question" | "answer" | "link" | "locale" | "status">> & { variants?: string };

/** Creates or edits one entry; errors show beside their field. */
export function EntryEditor({ initial, locales, onDone, days = 30 }: { initial: Initial; locales: string[]; onDone: () => void; days?: number }) {
  const t = useTranslations("knowledge");
  const id = useId();
  const [result, save, pending] = useActionState(saveEntryAction, null);
  useEffect(() => {
    if (result?.ok) onDone();
  }, [result, onDone]);
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => {
    const code = failed?.fieldErrors?.[name]?.[0];
    return code ? t(`errors.${asKnowledgeError(code)}`) : undefined;
  };
  return (
    <form
      action={save}
      noValidate
      className="space-y-4 rounded-xl border border-indigo-200 bg-white p-5"
      aria-labelledby={`${id}-title`}
      data-testid="entry-editor"
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {initial.id ? t("editEntry") : t("newEntry")}
      </h3>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <Field id={`${id}-question`} label={t("question")} hint={t("questionHint")} error={fieldError("question")}>
        {({ describedBy, invalid }) => (
          <input
            id={`${id}-question`}
            name="question"
            defaultValue={initial.question ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={controlClass(invalid)}
          />
        )}
      </Field>
      <Field id={`${id}-variants`} label={t("variants")} hint={t("variantsHint")} error={fieldError("variants")}>
        {({ describedBy, invalid }) => (
          <textarea
            id={`${id}-variants`}
            name="variants"
            rows={4}
            defaultValue={initial.variants ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={controlClass(invalid)}
          />
        )}
      </Field>
      <Field id={`${id}-answer`} label={t("answer")} error={fieldError("answer")}>
        {({ describedBy, invalid }) => (
          <textarea
            id={`${id}-answer`}
            name="answer"
            rows={4}
            defaultValue={initial.answer ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            className={controlClass(invalid)}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field id={`${id}-link`} label={t("link")} hint={t("linkHint")} error={fieldError("link")}>
          {({ describedBy, invalid }) => (
            <input
              id={`${id}-link`}
              name="link"
              type="url"
              defaultValue={initial.link ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className={controlClass(invalid)}
            />
          )}
        </Field>
        <Field id={`${id}-locale`} label={t("language")} error={fieldError("locale")}>
          {({ describedBy, invalid }) => (
            <select
              id={`${id}-locale`}
              name="locale"
              defaultValue={initial.locale || locales[0]}
              aria-describedby={describedBy}
              className={controlClass(invalid)}
            >
              {locales.map((l) => (
                <option key={l} value={l}>
                  {t(`languages.${l}` as "languages.en")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <EntryReplay days={days} />
      {failed && !failed.fieldErrors ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${asKnowledgeError(failed.error.code)}`)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="publish" value="true" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        {initial.status === "draft" ? (
          <Button type="submit" name="publish" value="false" variant="secondary" disabled={pending}>
            {t("saveDraft")}
          </Button>
        ) : null}
        <Button type="button" variant="ghost" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
