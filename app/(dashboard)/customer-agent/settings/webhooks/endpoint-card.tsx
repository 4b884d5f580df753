"use client";

import { AppLink } from "@/components/ui/app-link";
import { useTranslations } from "@/lib/i18n/client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { deleteEndpointAction, rotateSecretAction, sendTestEventAction, setEndpointStateAction } from "@/lib/actions/webhooks";
import type { EndpointView } from "@/lib/validation/webhooks";
import { SecretOnce } from "./add-endpoint-form";
import { webhookError } from "./errors";

const badge: Record<EndpointView["state"], string> = {
  enabled: "bg-emerald-50 text-emerald-800 ring-emerald-600/30",
  paused: "bg-amber-50 text-amber-900 ring-amber-600/30",
  disabled: "bg-red-50 text-red-800 ring-red-600/30",
};

export function EndpointCard({ endpoint }: { endpoint: EndpointView }) {
  const t = useTranslations("webhooks");
  const [tested, test, testing] = useActionState(sendTestEventAction, null);
  const [rotated, rotate, rotating] = useActionState(rotateSecretAction, null);
  const [toggled, toggle, toggling] = useActionState(setEndpointStateAction, null);
  const [removed, remove, removing] = useActionState(deleteEndpointAction, null);
  const failure = [tested, rotated, toggled, removed].find((r) => r && !r.ok);
  const reason = endpoint.stateReason === "admin" || endpoint.stateReason === "failing" || endpoint.stateReason === "gone" ? endpoint.stateReason : null;
  return (
    <article aria-label={endpoint.url} className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 text-sm font-medium text-slate-900 [overflow-wrap:anywhere]" data-testid="endpoint-url">
          {endpoint.url}
        </code>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge[endpoint.state]}`} data-testid="endpoint-state">
          {t(`state.${endpoint.state}`)}
          {endpoint.state !== "enabled" && reason ? `: ${t(`reason.${reason}`)}` : null}
        </span>
      </div>
      <p className="text-xs text-slate-600 [overflow-wrap:anywhere]">{t("events", { list: endpoint.events.join(", ") })}</p>
      <div role="group" aria-label={t("endpointActions", { url: endpoint.url })} className="flex flex-wrap items-start gap-2">
        <form action={test}>
          <input type="hidden" name="id" value={endpoint.id} />
          <Button type="submit" variant="secondary" disabled={testing}>
            {testing ? t("sending") : t("sendTest")}
          </Button>
        </form>
        <AppLink
          href={`/customer-agent/settings/webhooks/${endpoint.id}`}
          aria-label={t("logFor", { url: endpoint.url })}
          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {t("log")}
        </AppLink>
        <form action={toggle}>
          <input type="hidden" name="id" value={endpoint.id} />
          <input type="hidden" name="state" value={endpoint.state === "enabled" ? "paused" : "enabled"} />
          <Button type="submit" variant="secondary" disabled={toggling}>
            {endpoint.state === "enabled" ? t("pause") : t("enable")}
          </Button>
        </form>
        <form action={rotate}>
          <input type="hidden" name="id" value={endpoint.id} />
          <ConfirmSubmit
            label={t("rotate")}
            question={t("rotateQuestion")}
            confirmLabel={t("rotateYes")}
            cancelLabel={t("cancel")}
            pending={rotating}
            pendingLabel={t("rotating")}
            done={rotated}
          />
        </form>
        <form action={remove}>
          <input type="hidden" name="id" value={endpoint.id} />
          <ConfirmSubmit
            label={t("delete")}
            question={t("deleteQuestion")}
            confirmLabel={t("deleteYes")}
            cancelLabel={t("cancel")}
            pending={removing}
            pendingLabel={t("deleting")}
            done={removed}
          />
        </form>
      </div>
      <div role="status" aria-live="polite" className="text-sm text-slate-700">
        {tested?.ok ? <p>{t("testQueued")}</p> : null}
        {rotated?.ok ? <SecretOnce url={endpoint.url} secret={rotated.data.secret} /> : null}
      </div>
      {failure && !failure.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${webhookError(failure.error.code)}`)}
        </p>
      ) : null}
    </article>
  );
}
