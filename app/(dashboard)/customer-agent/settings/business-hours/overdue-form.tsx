"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { controlClass, Field } from "@/components/forms/field";
import { SaveBar } from "@/components/forms/save-bar";
import { saveOverdueThresholdAction } from "@/lib/actions/notifications";

/**
 * "Waiting too long": the account's threshold in minutes (decimals allowed). Admins change it;
 * leads see it. The overdue checker applies it to handoffs that arrive afterwards.
 */
export function OverdueForm({ seconds, minSeconds, canEdit }: { seconds: number; minSeconds: number; canEdit: boolean }) {
  const t = useTranslations("notifications.settings");
  const [result, action, pending] = useActionState(saveOverdueThresholdAction, null);
  const min = minSeconds / 60;
  const minText = Number(min.toFixed(2)).toString();
  const invalid = result && !result.ok && result.error.code === "validation_failed";
  return (
    <section aria-labelledby="overdue-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="overdue-settings">
      <h3 id="overdue-title" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h3>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("description")}</p>
      <form action={action} className="mt-4 space-y-4">
        <div className="max-w-xs">
          <Field id="overdue-minutes" label={t("minutes")} hint={t("hint", { min: minText })} error={invalid ? t("invalid", { min: minText }) : undefined}>
            {({ describedBy, invalid: bad }) => (
              <input
                id="overdue-minutes"
                name="minutes"
                type="number"
                inputMode="decimal"
                min={minText}
                max={120}
                step="any"
                required
                defaultValue={Number((seconds / 60).toFixed(2))}
                disabled={!canEdit}
                aria-invalid={bad || undefined}
                aria-describedby={describedBy || undefined}
                className={controlClass(bad)}
              />
            )}
          </Field>
        </div>
        {canEdit ? (
          <SaveBar
            result={result}
            pending={pending}
            labels={{ save: t("save"), saving: t("saving"), saved: t("saved"), reload: t("reload") }}
            errorText={(code) => (code === "validation_failed" ? t("invalid", { min: minText }) : t("failed"))}
          />
        ) : (
          <p className="text-sm text-slate-600">{t("readOnly")}</p>
        )}
      </form>
    </section>
  );
}
