"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { confirmEmailCodeAction, requestEmailCodeAction } from "@/lib/helpdesks/email/actions";
import { useOnboardingAction } from "@/components/integrations/connect-forms";
import { OnboardingField, OnboardingForm } from "@/components/integrations/onboarding-form";
import type { OnboardingProps } from "@/components/integrations/onboarding-props";

/**
 * Email (any helpdesk): the support address, then the 6-digit code Baton mailed there. Without
 * SMTP on this server it only says what to set up.
 */
export function EmailOnboarding({ view, onStep, onConnected }: OnboardingProps) {
  const t = useTranslations("integrations");
  const [address, setAddress] = useState<string | null>(null);
  if (view.setupRequired) {
    return (
      <p role="status" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
        {t(`providers.email.setup.${view.setupRequired === "smtp_url" ? "smtp_url" : "other"}`)}
      </p>
    );
  }
  return address ? (
    <CodeForm
      address={address}
      onConnected={onConnected}
      onBack={() => {
        setAddress(null);
        onStep(1);
      }}
    />
  ) : (
    <AddressForm
      onSent={(sentTo) => {
        setAddress(sentTo);
        onStep(2);
      }}
    />
  );
}

function AddressForm({ onSent }: { onSent: (address: string) => void }) {
  const t = useTranslations("integrations.onboarding.email");
  const { run, pending, errors } = useOnboardingAction(requestEmailCodeAction, "email", (data) => onSent(data.address));
  return (
    <OnboardingForm action={run} errors={errors} pending={pending} label={t("sendCode")} pendingLabel={t("sendingCode")}>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <OnboardingField label={t("addressLabel")} hint={t("addressHint")} name="address" type="email" required />
    </OnboardingForm>
  );
}

function CodeForm({ address, onConnected, onBack }: { address: string; onConnected: (email: string) => void; onBack: () => void }) {
  const t = useTranslations("integrations.onboarding");
  const { run, pending, errors } = useOnboardingAction(confirmEmailCodeAction, "email", (data) => onConnected(data.agentEmail));
  return (
    <OnboardingForm
      action={run}
      errors={errors}
      pending={pending}
      label={t("verify")}
      pendingLabel={t("verifying")}
      onBack={onBack}
      hideFormError={Boolean(errors.field("code"))}
    >
      <p role="status" className="text-sm text-slate-600">
        {t("email.codeSent", { address })}
      </p>
      <OnboardingField
        label={t("email.codeLabel")}
        hint={t("email.codeHint")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
      />
    </OnboardingForm>
  );
}
