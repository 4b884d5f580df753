"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { setAgentEnabledAction } from "@/lib/actions/agent-switch";

const known = ["forbidden", "unauthenticated", "validation_failed", "internal"] as const;

/**
 * The Customer Agent's on/off switch at the top of Settings. Admins turn it off (after a question)
 * or on; leads read the state. A save keeps focus on the switch's button, never on the page.
 */
export function AgentSwitch({ enabled, canEdit }: { enabled: boolean; canEdit: boolean }) {
  const t = useTranslations("agentSwitch");
  const [result, formAction, pending] = useActionState(setAgentEnabledAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!result) return;
    const active = document.activeElement;
    if (!active || active === document.body) form.current?.querySelector<HTMLElement>("button")?.focus();
  }, [result, enabled]);
  const error =
    result && !result.ok
      ? t(`errors.${(known as readonly string[]).includes(result.error.code) ? (result.error.code as (typeof known)[number]) : "internal"}`)
      : null;

  return (
    <section aria-labelledby="agent-switch-title" data-testid="agent-switch" className="max-w-5xl rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id="agent-switch-title" className="flex flex-wrap items-center gap-3 text-base font-semibold text-slate-900">
            {t("title")}
            <span
              data-testid="agent-state"
              className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${enabled ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
            >
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${enabled ? "bg-emerald-600" : "bg-slate-500"}`} />
              {enabled ? t("on") : t("off")}
            </span>
          </h2>
          <p className="mt-1 text-sm text-slate-600">{enabled ? t("onDescription") : t("offDescription")}</p>
          {canEdit ? null : <p className="mt-2 text-sm text-slate-600">{t("readOnly")}</p>}
        </div>
        {canEdit ? (
          <form ref={form} action={formAction} className="flex shrink-0 flex-col items-start gap-2 sm:items-end">
            <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
            {enabled ? (
              <ConfirmSubmit
                label={t("turnOff")}
                question={t("turnOffQuestion")}
                confirmLabel={t("confirmOff")}
                cancelLabel={t("cancel")}
                pending={pending}
                pendingLabel={t("saving")}
                done={result}
              />
            ) : (
              <Button type="submit" disabled={pending}>
                {pending ? t("saving") : t("turnOn")}
              </Button>
            )}
            <div aria-live="polite" className="text-sm">
              {result?.ok && !pending ? (
                <p role="status" key={result.at} className="text-emerald-700">
                  {result.data.enabled ? t("turnedOn") : t("turnedOff")}
                </p>
              ) : null}
              {error && !pending ? (
                <p role="alert" key={result?.at} className="text-red-700">
                  {error}
                </p>
              ) : null}
            </div>
          </form>
        ) : null}
      </div>
    </section>
  );
}
