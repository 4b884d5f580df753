"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { addOriginAction, removeOriginAction, rotateKeyAction } from "@/lib/actions/widget-settings";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";

const knownErrors = ["origin_invalid", "forbidden", "validation_failed", "internal"] as const;
const asKnown = (code?: string) => ((knownErrors as readonly string[]).includes(code ?? "") ? (code as (typeof knownErrors)[number]) : "internal");

export function KeyRow({
  kind,
  label,
  hint,
  display,
  canEdit,
}: {
  kind: "publishable" | "secret";
  label: string;
  hint: string;
  display: string | null;
  canEdit: boolean;
}) {
  const t = useTranslations("widgetSettings");
  const [result, rotate, pending] = useActionState(rotateKeyAction, null);
  return (
    <div className="flex flex-wrap items-start justify-between gap-4 py-4 first:pt-0 last:pb-0">
      <div className="min-w-0 flex-1 basis-60">
        <p className="text-sm font-medium text-slate-900">{label}</p>
        <p className="text-xs text-slate-500">{hint}</p>
        <code data-testid={`${kind}-key`} className="mt-2 block truncate rounded bg-slate-100 px-2 py-1 text-xs text-slate-800">
          {display ?? t("noKey")}
        </code>
        {result?.ok ? (
          <div role="status" className="mt-2 text-xs text-emerald-700">
            {result.data.key ? (
              <>
                {t("newSecret")}
                <code data-testid="new-secret-key" className="mt-1 block break-all rounded bg-emerald-50 px-2 py-1 text-emerald-900">
                  {result.data.key}
                </code>
              </>
            ) : (
              t("rotated")
            )}
          </div>
        ) : null}
        {result && !result.ok ? (
          <p role="alert" className="mt-2 text-xs text-red-700">
            {t(`errors.${asKnown(result.error.code)}`)}
          </p>
        ) : null}
      </div>
      {canEdit ? (
        <form action={rotate} className="flex flex-col items-end gap-1">
          <input type="hidden" name="kind" value={kind} />
          {/* Rotating stops the current key at once: it asks first. */}
          <ConfirmSubmit
            label={t("rotate")}
            question={t("rotateQuestion")}
            confirmLabel={t("rotateYes")}
            cancelLabel={t("cancel")}
            pending={pending}
            pendingLabel={t("rotating")}
            done={result}
          />
        </form>
      ) : null}
    </div>
  );
}

export function OriginsEditor({ origins, canEdit }: { origins: string[]; canEdit: boolean }) {
  const t = useTranslations("widgetSettings");
  const [added, add, adding] = useActionState(addOriginAction, null);
  const [removed, remove, removing] = useActionState(removeOriginAction, null);
  const fieldError = added && !added.ok ? (added.fieldErrors?.origin?.[0] ?? added.error.code) : undefined;
  return (
    <div className="mt-4 space-y-4">
      {origins.length === 0 ? (
        <p className="text-sm text-amber-800">{t("noOrigins")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="origins">
          {origins.map((origin) => (
            <li key={origin} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <code className="min-w-0 truncate text-slate-800">{origin}</code>
              {canEdit ? (
                <form action={remove}>
                  <input type="hidden" name="origin" value={origin} />
                  <ConfirmSubmit
                    variant="ghost"
                    label={t("remove")}
                    ariaLabel={t("removeOrigin", { origin })}
                    question={t("removeOriginQuestion", { origin })}
                    confirmLabel={t("removeYes")}
                    cancelLabel={t("cancel")}
                    pending={removing}
                    done={removed}
                  />
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form action={add} className="flex items-start gap-2" noValidate>
          <div className="flex-1">
            <TextField
              label={t("originLabel")}
              name="origin"
              placeholder={t("originPlaceholder")}
              error={fieldError ? t(`errors.${asKnown(fieldError)}`) : undefined}
            />
          </div>
          <Button type="submit" className="mt-6" disabled={adding}>
            {adding ? t("adding") : t("add")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
