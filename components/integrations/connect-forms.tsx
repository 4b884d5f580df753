"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { submitWith } from "@/components/forms/submit-with";
import type { ActionResult } from "@/lib/actions/action-result";
import { connectGorgiasAction, connectZendeskTokenAction, startZendeskOAuthAction } from "@/lib/actions/integrations";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { HelpdeskProvider } from "@/lib/validation/integrations";
import { asOnboardingError, failureCode } from "./onboarding-errors";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export function useErrors(provider: HelpdeskProvider, result: ActionResult<unknown> | null, initialError?: string) {
  const t = useTranslations("integrations");
  const helpdesk = t(`providers.${provider}.name`);
  const failure = result && !result.ok ? (result as Failure) : null;
  const text = (code: string) => t(`onboarding.errors.${asOnboardingError(code)}`, { helpdesk });
  const field = (name: string) => (failure?.fieldErrors?.[name]?.[0] ? text(failure.fieldErrors[name][0]) : undefined);
  const form = failure ? text(failureCode(failure.error)) : initialError ? text(initialError) : null;
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

export function ZendeskOAuthForm({ returnTo, initialError, onBack }: { returnTo: string; initialError?: string; onBack: () => void }) {
  const t = useTranslations("integrations.onboarding");
  const [result, action, pending] = useActionState(startZendeskOAuthAction, null);
  const errors = useErrors("zendesk", result, initialError);
  const redirecting = Boolean(result?.ok);
  useEffect(() => {
    if (result?.ok) window.location.assign(result.data.url);
  }, [result]);
  return (
    <form onSubmit={submitWith(action)} className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField label={t("zendesk.subdomainLabel")} hint={t("zendesk.subdomainHint")} name="subdomain" autoComplete="off" required error={errors.field("subdomain")} />
      <FormError message={redirecting ? null : errors.form} />
      <Actions pending={pending || redirecting} label={t("zendesk.continueToZendesk")} pendingLabel={t("zendesk.redirecting")} onBack={onBack} />
    </form>
  );
}

export function ZendeskTokenForm({ onConnected, onBack }: { onConnected: (email: string) => void; onBack: () => void }) {
  const t = useTranslations("integrations.onboarding");
  const [result, action, pending] = useActionState(connectZendeskTokenAction, null);
  const errors = useErrors("zendesk", result);
  useEffect(() => {
    if (result?.ok) onConnected(result.data.agentEmail);
  }, [result, onConnected]);
  return (
    <form onSubmit={submitWith(action)} className="space-y-4" noValidate>
      <TextField label={t("zendesk.subdomainLabel")} hint={t("zendesk.subdomainHint")} name="subdomain" autoComplete="off" required error={errors.field("subdomain")} />
      <TextField label={t("zendesk.emailLabel")} hint={t("zendesk.emailHint")} name="email" type="email" autoComplete="off" required error={errors.field("email")} />
      <TextField label={t("zendesk.tokenLabel")} name="token" type="password" autoComplete="off" required error={errors.field("token")} />
      <FormError message={errors.form} />
      <Actions pending={pending} label={t("verify")} pendingLabel={t("verifying")} onBack={onBack} />
    </form>
  );
}

export function GorgiasForm({ onConnected }: { onConnected: (email: string) => void }) {
  const t = useTranslations("integrations.onboarding");
  const [result, action, pending] = useActionState(connectGorgiasAction, null);
  const errors = useErrors("gorgias", result);
  useEffect(() => {
    if (result?.ok) onConnected(result.data.agentEmail);
  }, [result, onConnected]);
  return (
    <form onSubmit={submitWith(action)} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600">{t("gorgias.intro")}</p>
      <TextField label={t("gorgias.domainLabel")} hint={t("gorgias.domainHint")} name="domain" autoComplete="off" required error={errors.field("domain")} />
      <TextField label={t("gorgias.emailLabel")} name="email" type="email" autoComplete="off" required error={errors.field("email")} />
      <TextField label={t("gorgias.apiKeyLabel")} name="apiKey" type="password" autoComplete="off" required error={errors.field("apiKey")} />
      <TextField label={t("gorgias.storeEmailLabel")} hint={t("gorgias.storeEmailHint")} name="storeEmail" type="email" autoComplete="off" error={errors.field("storeEmail")} />
      <TextField label={t("gorgias.storePhoneLabel")} hint={t("gorgias.storePhoneHint")} name="storePhone" type="tel" autoComplete="off" error={errors.field("storePhone")} />
      <FormError message={errors.form} />
      <Actions pending={pending} label={t("verify")} pendingLabel={t("verifying")} />
    </form>
  );
}
