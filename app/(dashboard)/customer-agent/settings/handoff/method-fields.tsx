"use client";

import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import type { HandoffSnapshot } from "@/lib/validation/handoff";
import type { ConnectableId, DestinationId } from "@/lib/validation/integrations";

const card =
  "flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-4 transition hover:border-slate-400 has-checked:border-indigo-600 has-checked:ring-1 has-checked:ring-indigo-600 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600 has-disabled:cursor-default";

export function MethodFields({
  method,
  destination,
  connected,
  connectedAs,
  onMethod,
  onDestination,
  onConnect,
  error,
}: {
  method: HandoffSnapshot["method"];
  destination: DestinationId;
  connected: Record<DestinationId, boolean>;
  connectedAs: Partial<Record<DestinationId, string>>;
  onMethod: (m: HandoffSnapshot["method"]) => void;
  onDestination: (d: DestinationId) => void;
  onConnect: (d: ConnectableId) => void;
  error?: string;
}) {
  const t = useTranslations("handoff");
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("methodLegend")}</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {(["helpdesk", "message"] as const).map((m) => (
            <label key={m} className={card}>
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => onMethod(m)} className="mt-0.5 size-4 accent-indigo-600" />
              <span>
                <span className="block text-sm font-semibold text-slate-900">{t(`methods.${m}.title`)}</span>
                <span className="mt-1 block text-sm text-slate-600">{t(`methods.${m}.description`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {method === "helpdesk" ? (
        <fieldset aria-describedby={error ? "destination-error" : undefined}>
          <legend className="text-sm font-medium text-slate-900">{t("destinationLegend")}</legend>
          <div className="mt-3 space-y-3">
            {/* Every destination the server knows, in the registry's order (lib/helpdesks/registry.ts). */}
            {(Object.keys(connected) as DestinationId[]).map((d) => {
              const isConnected = connected[d];
              return (
                <label key={d} className={card}>
                  <input
                    type="radio"
                    name="destination"
                    value={d}
                    checked={destination === d}
                    onChange={() => onDestination(d)}
                    className="mt-0.5 size-4 accent-indigo-600"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="text-sm font-semibold text-slate-900">{t(`destinations.${d}.name`)}</span>
                      {d === "baton_inbox" ? (
                        <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{t("recommended")}</span>
                      ) : null}
                      <StatusBadge destination={d} connected={isConnected} />
                    </span>
                    <span className="mt-1 block text-sm text-slate-600">
                      {t(`destinations.${d}.description`)}
                      {isConnected && connectedAs[d] ? <span className="block text-xs text-slate-500">{connectedAs[d]}</span> : null}
                    </span>
                    {destination === d && !isConnected && d !== "baton_inbox" ? (
                      <span className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                        {t("connectFirst", { helpdesk: t(`destinations.${d}.name`) })}
                        <Button type="button" variant="secondary" onClick={() => onConnect(d as ConnectableId)}>
                          {t("connectAction", { helpdesk: t(`destinations.${d}.name`) })}
                        </Button>
                      </span>
                    ) : null}
                  </span>
                </label>
              );
            })}
          </div>
          {error ? (
            <p id="destination-error" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}

function StatusBadge({ destination, connected }: { destination: DestinationId; connected: boolean }) {
  const t = useTranslations("handoff.status");
  if (destination === "baton_inbox") {
    return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t("builtIn")}</span>;
  }
  return connected ? (
    <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700">{t("connected")}</span>
  ) : (
    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">{t("notConnected")}</span>
  );
}
