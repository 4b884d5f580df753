"use client";

// What every destination's onboarding forms share: their errors in words, the form-level alert and the buttons.

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useEffectEvent } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { Button } from "@/components/ui/button";
import type { ConnectableId } from "@/lib/validation/integrations";
import { useDestinationTexts } from "./destination-texts";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export function useErrors(provider: ConnectableId, result: ActionResult<unknown> | null, initialError?: string) {
  const t = useTranslations("integrations");
  const helpdesk = t(`providers.${provider}.name`);
  const texts = useDestinationTexts(provider);
  const failure = result && !result.ok ? (result as Failure) : null;
  const text = (code: string) => texts.error(code, { helpdesk });
  const field = (name: string) => (failure?.fieldErrors?.[name]?.[0] ? text(failure.fieldErrors[name][0]) : undefined);
  const form = failure ? texts.failure(failure.error, { helpdesk }) : initialError ? text(initialError) : null;
  return { field, form };
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  ) : null;
}

export function Actions({ pending, label, pendingLabel, onBack }: { pending: boolean; label: string; pendingLabel: string; onBack?: () => void }) {
  const t = useTranslations("integrations.onboarding");
  return (
    <div className="flex justify-between gap-3 pt-2">
      {onBack ? (
        <Button type="button" variant="ghost" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}

/**
 * One onboarding form's action: its result, errors in words, and `onDone` called once with the
 * data when it succeeds.
 */
export function useOnboardingAction<T>(
  action: (state: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>,
  provider: ConnectableId,
  onDone: (data: T) => void,
) {
  const [result, run, pending] = useActionState(action, null);
  const errors = useErrors(provider, result);
  const done = useEffectEvent(onDone);
  useEffect(() => {
    if (result?.ok) done(result.data);
  }, [result]);
  return { run, pending, errors };
}
