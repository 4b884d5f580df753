"use client";

import { useTranslations } from "@/lib/i18n/client";
import { submitWith } from "@/components/forms/submit-with";
import { connectGorgiasAction } from "@/lib/helpdesks/gorgias/actions";
import { TextField } from "@/components/ui/text-field";
import { Actions, FormError, useOnboardingAction } from "@/components/integrations/connect-forms";
import type { OnboardingProps } from "@/components/integrations/onboarding-props";

/** Gorgias: domain, the API key's user and the key, verified before anything is stored. */
export function GorgiasOnboarding({ onConnected }: OnboardingProps) {
  return <GorgiasForm onConnected={onConnected} />;
}

function GorgiasForm({ onConnected }: { onConnected: (email: string) => void }) {
  const t = useTranslations("integrations.onboarding");
  const { run: action, pending, errors } = useOnboardingAction(connectGorgiasAction, "gorgias", (data) => onConnected(data.agentEmail));
  return (
    <form onSubmit={submitWith(action)} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">{t("gorgias.intro")}</p>
      <TextField label={t("gorgias.domainLabel")} hint={t("gorgias.domainHint")} name="domain" autoComplete="off" required error={errors.field("domain")} />
      <TextField label={t("gorgias.emailLabel")} name="email" type="email" autoComplete="off" required error={errors.field("email")} />
      <TextField label={t("gorgias.apiKeyLabel")} name="apiKey" type="password" autoComplete="off" required error={errors.field("apiKey")} />
      <TextField
        label={t("gorgias.storeEmailLabel")}
        hint={t("gorgias.storeEmailHint")}
        name="storeEmail"
        type="email"
        autoComplete="off"
        error={errors.field("storeEmail")}
      />
      <TextField
        label={t("gorgias.storePhoneLabel")}
        hint={t("gorgias.storePhoneHint")}
        name="storePhone"
        type="tel"
        autoComplete="off"
        error={errors.field("storePhone")}
      />
      <FormError message={errors.form} />
      <Actions pending={pending} label={t("verify")} pendingLabel={t("verifying")} />
    </form>
  );
}
