"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { setAgentEnabledAction } from "@/lib/actions/agent-switch";

const known = ["forbidden", "unauthenticated", "validation_failed", "internal"] as const;

/**
 * The admin's control of the Customer Agent switch: turning it off asks first, turning it on does
 * not. A save keeps focus on the switch's button, never on the page.
 */
export function AgentSwitchForm({ enabled }: { enabled: boolean }) {
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
  );
}
