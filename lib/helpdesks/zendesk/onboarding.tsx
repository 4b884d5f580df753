"use client";

import { useFormatter, useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useState } from "react";
import { connectZendeskTokenAction, startZendeskOAuthAction } from "@/lib/helpdesks/zendesk/actions";
import { Button } from "@/components/ui/button";
import { useErrors, useOnboardingAction } from "@/components/integrations/connect-forms";
import { OnboardingField, OnboardingForm } from "@/components/integrations/onboarding-form";
import type { OnboardingProps } from "@/components/integrations/onboarding-props";

/** Zendesk: choose sign-in (recommended) or an existing API token, then enter the details. */
export function ZendeskOnboarding({ view, returnTo, initialError, onStep, onConnected }: OnboardingProps) {
  const t = useTranslations("integrations");
  const [method, setMethod] = useState<"oauth" | "api_token">(view.oauthAvailable ? "oauth" : "api_token");
  const [step, setStepState] = useState(initialError ? 2 : 1);
  const setStep = (n: number) => {
    setStepState(n);
    onStep(n);
  };
  // Zendesk's announced day, the same calendar day whatever the account's time zone.
  const retirement = useFormatter().dateTime(new Date("2027-04-30T00:00:00Z"), { dateStyle: "long", timeZone: "UTC" });
  if (step === 2) {
    return method === "oauth" ? (
      <ZendeskOAuthForm returnTo={returnTo} initialError={initialError} onBack={() => setStep(1)} />
    ) : (
      <ZendeskTokenForm onConnected={onConnected} onBack={() => setStep(1)} />
    );
  }
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-900">{t("onboarding.zendesk.chooseLegend")}</legend>
      {(["oauth", "api_token"] as const).map((option) => (
        <label
          key={option}
          className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-4 has-checked:border-indigo-600 has-checked:ring-1 has-checked:ring-indigo-600 has-disabled:cursor-not-allowed has-disabled:opacity-60"
        >
          <input
            type="radio"
            name="zendesk-method"
            value={option}
            checked={method === option}
            disabled={option === "oauth" && !view.oauthAvailable}
            onChange={() => setMethod(option)}
            className="mt-0.5 size-4 accent-indigo-600"
          />
          <span>
            <span className="flex items-center gap-2 text-sm font-semibold text-slate-900">
              {option === "oauth" ? t("onboarding.zendesk.oauthTitle") : t("onboarding.zendesk.tokenTitle")}
              {option === "oauth" ? (
                <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{t("onboarding.recommended")}</span>
              ) : null}
            </span>
            <span className="mt-1 block text-sm text-slate-600">
              {option === "oauth" ? t("onboarding.zendesk.oauthDescription") : t("onboarding.zendesk.tokenDescription", { date: retirement })}
            </span>
          </span>
        </label>
      ))}
      {!view.oauthAvailable ? <p className="text-xs text-slate-500">{t("onboarding.zendesk.oauthUnavailable")}</p> : null}
      <div className="flex justify-end pt-2">
        <Button type="button" onClick={() => setStep(2)}>
          {t("onboarding.next")}
        </Button>
      </div>
    </fieldset>
  );
}

function ZendeskOAuthForm({ returnTo, initialError, onBack }: { returnTo: string; initialError?: string; onBack: () => void }) {
  const t = useTranslations("integrations.onboarding");
  const [result, action, pending] = useActionState(startZendeskOAuthAction, null);
  const errors = useErrors("zendesk", result, initialError);
  const redirecting = Boolean(result?.ok);
  useEffect(() => {
    if (result?.ok) window.location.assign(result.data.url);
  }, [result]);
  return (
    <OnboardingForm
      action={action}
      errors={errors}
      pending={pending || redirecting}
      label={t("zendesk.continueToZendesk")}
      pendingLabel={t("zendesk.redirecting")}
      onBack={onBack}
      hideFormError={redirecting}
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubdomainField />
    </OnboardingForm>
  );
}

function ZendeskTokenForm({ onConnected, onBack }: { onConnected: (email: string) => void; onBack: () => void }) {
  const t = useTranslations("integrations.onboarding");
  const { run, pending, errors } = useOnboardingAction(connectZendeskTokenAction, "zendesk", (data) => onConnected(data.agentEmail));
  return (
    <OnboardingForm action={run} errors={errors} pending={pending} label={t("verify")} pendingLabel={t("verifying")} onBack={onBack}>
      <SubdomainField />
      <OnboardingField label={t("zendesk.emailLabel")} hint={t("zendesk.emailHint")} name="email" type="email" required />
      <OnboardingField label={t("zendesk.tokenLabel")} name="token" type="password" required />
    </OnboardingForm>
  );
}

/** The Zendesk subdomain, asked the same way by the OAuth and the API-token forms. */
function SubdomainField() {
  const t = useTranslations("integrations.onboarding");
  return <OnboardingField label={t("zendesk.subdomainLabel")} hint={t("zendesk.subdomainHint")} name="subdomain" required />;
}
