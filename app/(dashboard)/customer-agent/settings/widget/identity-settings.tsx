"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { rotateIdentitySecretAction, saveUnverifiedHandoffAction } from "@/lib/actions/shopper-identity";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";

/** The Widget tab's identity verification: the secret (shown once when issued) and the policy for unverified shoppers. */
export function IdentitySettings({
  secretHint,
  unverifiedHandoff,
  canEdit,
}: {
  secretHint: string | null;
  unverifiedHandoff: "email" | "message";
  canEdit: boolean;
}) {
  const t = useTranslations("widgetSettings.identity");
  const [issued, issue, issuing] = useActionState(rotateIdentitySecretAction, null);
  const [saved, save, saving] = useActionState(saveUnverifiedHandoffAction, null);
  return (
    <div className="mt-4 space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900">{t("secret")}</p>
          <code data-testid="identity-secret" className="mt-2 block truncate rounded bg-slate-100 px-2 py-1 text-xs text-slate-800">
            {secretHint ?? t("noSecret")}
          </code>
          {issued?.ok ? (
            <div role="status" className="mt-2 text-xs text-emerald-700">
              {t("newSecret")}
              <code data-testid="new-identity-secret" className="mt-1 block break-all rounded bg-emerald-50 px-2 py-1 text-emerald-900">
                {issued.data.secret}
              </code>
            </div>
          ) : null}
          {issued && !issued.ok ? (
            <p role="alert" className="mt-2 text-xs text-red-700">
              {t("failed")}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <form action={issue} className="flex flex-col items-end gap-1">
            {secretHint ? (
              // Rotating stops the current secret at once: it asks first.
              <ConfirmSubmit
                label={t("rotate")}
                question={t("rotateQuestion")}
                confirmLabel={t("rotateYes")}
                cancelLabel={t("cancel")}
                pending={issuing}
                done={issued}
              />
            ) : (
              <Button type="submit" variant="secondary" disabled={issuing}>
                {t("generate")}
              </Button>
            )}
          </form>
        ) : null}
      </div>
      <form action={save} className="space-y-2">
        <fieldset disabled={!canEdit || saving}>
          <legend className="text-sm font-medium text-slate-900">{t("policyTitle")}</legend>
          {(["email", "message"] as const).map((value) => (
            <label key={value} className="mt-2 flex items-start gap-2 text-sm text-slate-700">
              <input type="radio" name="unverifiedHandoff" value={value} defaultChecked={unverifiedHandoff === value} className="mt-1" />
              <span>{t(`policy.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        {canEdit ? (
          <Button type="submit" variant="secondary" disabled={saving}>
            {t("save")}
          </Button>
        ) : null}
        {saved?.ok ? (
          <p role="status" className="text-xs text-emerald-700">
            {t("saved")}
          </p>
        ) : null}
        {saved && !saved.ok ? (
          <p role="alert" className="text-xs text-red-700">
            {t("failed")}
          </p>
        ) : null}
      </form>
    </div>
  );
}
