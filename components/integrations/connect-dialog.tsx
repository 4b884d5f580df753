"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { HelpdeskProvider } from "@/lib/validation/integrations";
import { Button } from "@/components/ui/button";
import { GorgiasForm, ZendeskOAuthForm, ZendeskTokenForm } from "./connect-forms";

/**
 * The guided onboarding for one helpdesk, in a modal dialog. Zendesk: choose OAuth (recommended)
 * or an existing API token, then enter the details. Gorgias: domain, user and API key. Every
 * path verifies against the helpdesk before anything is stored.
 */
export function ConnectDialog({
  provider,
  returnTo,
  oauthAvailable,
  initialError,
  onClose,
  onConnected,
}: {
  provider: HelpdeskProvider;
  returnTo: string;
  oauthAvailable: boolean;
  initialError?: string;
  onClose: () => void;
  onConnected: () => void;
}) {
  const t = useTranslations("integrations");
  const dialog = useRef<HTMLDialogElement>(null);
  const [zendeskMethod, setZendeskMethod] = useState<"oauth" | "api_token">(oauthAvailable ? "oauth" : "api_token");
  const [step, setStep] = useState(provider === "zendesk" && !initialError ? 1 : 2);
  const [connectedAs, setConnectedAs] = useState<string | null>(null);
  const helpdesk = t(`providers.${provider}.name`);
  const total = provider === "zendesk" ? 2 : 1;
  const current = provider === "zendesk" ? step : 1;
  // Zendesk's announced day, the same calendar day whatever the account's time zone.
  const retirement = useFormatter().dateTime(new Date("2027-04-30T00:00:00Z"), { dateStyle: "long", timeZone: "UTC" });

  useEffect(() => {
    const el = dialog.current;
    el?.showModal();
    return () => el?.close();
  }, []);

  const done = (email: string) => setConnectedAs(email);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="connect-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-lg rounded-xl bg-white p-0 shadow-2xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-start justify-between border-b border-slate-200 px-6 py-4">
        <div>
          <h2 id="connect-title" className="text-base font-semibold text-slate-900">
            {t("onboarding.title", { helpdesk })}
          </h2>
          {!connectedAs ? <p className="mt-0.5 text-xs text-slate-500">{t("onboarding.step", { current, total })}</p> : null}
        </div>
        <button type="button" onClick={onClose} aria-label={t("onboarding.close")} className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </div>
      <div className="px-6 py-5">
        {connectedAs ? (
          <div className="space-y-5">
            <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
              {t("onboarding.success", { helpdesk, email: connectedAs })}
            </p>
            <div className="flex justify-end">
              <Button type="button" onClick={onConnected}>
                {t("onboarding.done")}
              </Button>
            </div>
          </div>
        ) : provider === "gorgias" ? (
          <GorgiasForm onConnected={done} />
        ) : step === 1 ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-900">{t("onboarding.zendesk.chooseLegend")}</legend>
            {(["oauth", "api_token"] as const).map((method) => (
              <label
                key={method}
                className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 p-4 has-checked:border-indigo-600 has-checked:ring-1 has-checked:ring-indigo-600 has-disabled:cursor-not-allowed has-disabled:opacity-60"
              >
                <input
                  type="radio"
                  name="zendesk-method"
                  value={method}
                  checked={zendeskMethod === method}
                  disabled={method === "oauth" && !oauthAvailable}
                  onChange={() => setZendeskMethod(method)}
                  className="mt-0.5 size-4 accent-indigo-600"
                />
                <span>
                  <span className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                    {method === "oauth" ? t("onboarding.zendesk.oauthTitle") : t("onboarding.zendesk.tokenTitle")}
                    {method === "oauth" ? (
                      <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{t("onboarding.recommended")}</span>
                    ) : null}
                  </span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {method === "oauth"
                      ? t("onboarding.zendesk.oauthDescription")
                      : t("onboarding.zendesk.tokenDescription", { date: retirement })}
                  </span>
                </span>
              </label>
            ))}
            {!oauthAvailable ? <p className="text-xs text-slate-500">{t("onboarding.zendesk.oauthUnavailable")}</p> : null}
            <div className="flex justify-end pt-2">
              <Button type="button" onClick={() => setStep(2)}>
                {t("onboarding.next")}
              </Button>
            </div>
          </fieldset>
        ) : zendeskMethod === "oauth" ? (
          <ZendeskOAuthForm returnTo={returnTo} initialError={initialError} onBack={() => setStep(1)} />
        ) : (
          <ZendeskTokenForm onConnected={done} onBack={() => setStep(1)} />
        )}
      </div>
    </dialog>
  );
}
