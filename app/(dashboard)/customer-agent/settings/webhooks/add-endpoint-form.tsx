"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/text-field";
import { createEndpointAction } from "@/lib/actions/webhooks";
import type { SubscribableEvent } from "@/lib/validation/webhooks";
import { webhookError } from "./errors";

export function AddEndpointForm({ eventTypes }: { eventTypes: SubscribableEvent[] }) {
  const t = useTranslations("webhooks");
  const [result, create, pending] = useActionState(createEndpointAction, null);
  const failed = result && !result.ok ? result : null;
  const urlError = failed?.fieldErrors?.url?.[0];
  const eventsError = failed?.fieldErrors?.events?.[0];
  return (
    <div className="mt-4 space-y-4">
      {/* A fresh form after each success (key), so the next endpoint starts empty. */}
      <form key={result?.ok ? result.at : "form"} action={create} className="space-y-4" noValidate>
        <TextField
          label={t("urlLabel")}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder={t("urlPlaceholder")}
          hint={t("urlHint")}
          error={urlError ? t(`errors.${webhookError(urlError)}`) : undefined}
        />
        <fieldset aria-describedby={eventsError ? "events-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("eventsLegend")}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" name="events" value={type} defaultChecked className="mt-0.5 h-4 w-4 rounded border-slate-400" />
                <span>
                  {t(`eventNames.${type}`)} <code className="text-xs text-slate-600">{type}</code>
                </span>
              </label>
            ))}
          </div>
          {eventsError ? (
            <p id="events-error" className="mt-1 text-sm text-red-700">
              {t(`errors.${webhookError(eventsError)}`)}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("add")}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {result?.ok ? <SecretOnce url={result.data.url} secret={result.data.secret} /> : null}
      </div>
      {failed && !urlError && !eventsError ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${webhookError(failed.error.code)}`)}
        </p>
      ) : null}
    </div>
  );
}

/** A signing secret, shown this once with a copy button. */
export function SecretOnce({ url, secret }: { url: string; secret: string }) {
  const t = useTranslations("webhooks");
  return (
    <div className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      <p className="[overflow-wrap:anywhere]">{t("secretOnce", { url })}</p>
      <code data-testid="webhook-secret" className="my-2 block break-all rounded bg-white px-2 py-1 text-xs text-slate-900">
        {secret}
      </code>
      <CopyButton text={secret} label={t("copySecret")} copiedLabel={t("copied")} failedLabel={t("copyFailed")} />
    </div>
  );
}
