"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useEffect, useRef, useState } from "react";
import type { ConnectableId, OnboardingView } from "@/lib/validation/integrations";
import { Button } from "@/components/ui/button";
import { onboardingFor } from "./onboarding";

/**
 * The guided onboarding for one destination, in a modal dialog: the destination's own steps
 * (components/integrations/onboarding.tsx), each verifying before anything is stored.
 */
export function ConnectDialog({
  provider,
  view,
  returnTo,
  initialError,
  onClose,
  onConnected,
}: {
  provider: ConnectableId;
  view: OnboardingView;
  returnTo: string;
  initialError?: string;
  onClose: () => void;
  onConnected: () => void;
}) {
  const t = useTranslations("integrations");
  const dialog = useRef<HTMLDialogElement>(null);
  const [current, setCurrent] = useState(initialError ? view.steps : 1);
  const [connectedAs, setConnectedAs] = useState<string | null>(null);
  const helpdesk = t(`providers.${provider}.name`);
  const Onboarding = onboardingFor[provider];

  useEffect(() => {
    const el = dialog.current;
    el?.showModal();
    return () => el?.close();
  }, []);

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
          {!connectedAs && !view.setupRequired ? (
            <p className="mt-0.5 text-xs text-slate-500">{t("onboarding.step", { current: Math.min(current, view.steps), total: view.steps })}</p>
          ) : null}
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label={t("onboarding.close")}
          className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
        >
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
              {/* The form that had focus is gone: Done takes it. */}
              <Button type="button" onClick={onConnected} autoFocus>
                {t("onboarding.done")}
              </Button>
            </div>
          </div>
        ) : (
          <Onboarding view={view} returnTo={returnTo} initialError={initialError} onStep={setCurrent} onConnected={setConnectedAs} />
        )}
      </div>
    </dialog>
  );
}
