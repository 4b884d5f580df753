"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
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
  // Removing happens at once and can be undone: Undo adds the same origin back. The notice stays
  // until the origin is back in the list (by Undo or by hand).
  const removedOrigin = removed?.ok && !origins.includes(removed.data.origin) ? removed.data.origin : null;
  const undoButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The removed row's button is gone: focus goes to Undo, and after Undo to the restored row's Remove.
  useEffect(() => {
    if (removed?.ok) undoButton.current?.focus();
  }, [removed]);
  useEffect(() => {
    if (!added?.ok) return;
    const restored = [...(list.current?.querySelectorAll<HTMLButtonElement>("button[data-origin]") ?? [])].find((b) => b.dataset.origin === added.data.origin);
    if (restored && (document.activeElement === document.body || !document.activeElement)) restored.focus();
  }, [added, origins]);
  return (
    <div className="mt-4 space-y-4">
      {origins.length === 0 ? (
        <p className="text-sm text-amber-800">{t("noOrigins")}</p>
      ) : (
        <ul ref={list} className="divide-y divide-slate-200 rounded-md border border-slate-200" data-testid="origins">
          {origins.map((origin) => (
            <li key={origin} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
              <code className="min-w-0 truncate text-slate-800">{origin}</code>
              {canEdit ? (
                <form action={remove}>
                  <input type="hidden" name="origin" value={origin} />
                  <Button type="submit" variant="ghost" data-origin={origin} aria-label={t("removeOrigin", { origin })} disabled={removing}>
                    {t("remove")}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {removedOrigin ? (
          <form action={add} className="flex flex-wrap items-center gap-3 rounded-md bg-slate-900 px-4 py-2 text-sm text-white">
            <span className="min-w-0 [overflow-wrap:anywhere]">{t("originRemoved", { origin: removedOrigin })}</span>
            <input type="hidden" name="origin" value={removedOrigin} />
            <button
              ref={undoButton}
              type="submit"
              disabled={adding}
              className="rounded px-2 py-1 font-semibold text-indigo-200 underline hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
            >
              {adding ? t("undoing") : t("undo")}
            </button>
          </form>
        ) : null}
      </div>
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
