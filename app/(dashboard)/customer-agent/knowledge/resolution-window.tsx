"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useId } from "react";
import { controlClass } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { saveResolutionWindowAction } from "@/lib/actions/knowledge";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";

/** Durable resolution's window: admins and leads change it, agents read it. */
export function ResolutionWindow({ hours, canEdit }: { hours: number; canEdit: boolean }) {
  const t = useTranslations("knowledge");
  const id = useId();
  const [result, save, pending] = useActionState(saveResolutionWindowAction, null);
  const error = result && !result.ok ? (result.fieldErrors?.hours?.[0] ? "validation_failed" : result.error.code) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5" data-testid="resolution-window">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {t("windowTitle")}
      </h3>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
        {t("windowHint")}
      </p>
      <form action={save} className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-hours`} className="block text-sm font-medium text-slate-800">
            {t("windowLabel")}
          </label>
          <input
            id={`${id}-hours`}
            name="hours"
            type="number"
            min={1}
            max={720}
            required
            readOnly={!canEdit}
            defaultValue={result?.ok ? result.data.hours : hours}
            aria-describedby={`${id}-hint`}
            aria-invalid={Boolean(error)}
            className={`${controlClass(Boolean(error))} w-28`}
          />
        </div>
        {canEdit ? (
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("windowSave")}
          </Button>
        ) : null}
      </form>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t(`errors.${asKnowledgeError(error)}`)}
        </p>
      ) : null}
      {result?.ok ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t("windowSaved")}
        </p>
      ) : null}
    </section>
  );
}
