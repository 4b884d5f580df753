"use client";

import { useTranslations } from "@/lib/i18n/client";
import { connectGorgiasAction } from "@/lib/helpdesks/gorgias/actions";
import { useOnboardingAction } from "@/components/integrations/connect-forms";
import { OnboardingField, OnboardingForm } from "@/components/integrations/onboarding-form";
import type { OnboardingProps } from "@/components/integrations/onboarding-props";

/** Gorgias: domain, the API key's user and the key, verified before anything is stored. */
export function GorgiasOnboarding({ onConnected }: OnboardingProps) {
  const t = useTranslations("integrations.onboarding");
  const { run, pending, errors } = useOnboardingAction(connectGorgiasAction, "gorgias", (data) => onConnected(data.agentEmail));
  return (
    <OnboardingForm action={run} errors={errors} pending={pending} label={t("verify")} pendingLabel={t("verifying")}>
      <p className="text-sm text-slate-600">{t("gorgias.intro")}</p>
      <OnboardingField label={t("gorgias.domainLabel")} hint={t("gorgias.domainHint")} name="domain" required />
      <OnboardingField label={t("gorgias.emailLabel")} name="email" type="email" required />
      <OnboardingField label={t("gorgias.apiKeyLabel")} name="apiKey" type="password" required />
      <OnboardingField label={t("gorgias.storeEmailLabel")} hint={t("gorgias.storeEmailHint")} name="storeEmail" type="email" />
      <OnboardingField label={t("gorgias.storePhoneLabel")} hint={t("gorgias.storePhoneHint")} name="storePhone" type="tel" />
    </OnboardingForm>
  );
}
