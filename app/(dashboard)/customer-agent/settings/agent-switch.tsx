import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/providers/client-messages";
import { AgentSwitchForm } from "./agent-switch-form";

/** The texts the form shows (the rest of the section is rendered here). */
const formTexts = ["turnOff", "turnOffQuestion", "confirmOff", "cancel", "saving", "turnOn", "turnedOn", "turnedOff", "errors"].map(
  (key) => `agentSwitch.${key}`,
);

/**
 * The Customer Agent's on/off switch at the top of Settings: the state, rendered on the server,
 * and for admins the control (./agent-switch-form.tsx); leads read the state.
 */
export async function AgentSwitch({ enabled, canEdit }: { enabled: boolean; canEdit: boolean }) {
  const t = await getTranslations("agentSwitch");
  return (
    <section aria-labelledby="agent-switch-title" data-testid="agent-switch" className="max-w-5xl rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 id="agent-switch-title" className="flex flex-wrap items-center gap-3 text-base font-semibold text-slate-900">
            {t("title")}
            <span
              data-testid="agent-state"
              className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${enabled ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
            >
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${enabled ? "bg-emerald-600" : "bg-slate-500"}`} />
              {enabled ? t("on") : t("off")}
            </span>
          </h2>
          <p className="mt-1 text-sm text-slate-600">{enabled ? t("onDescription") : t("offDescription")}</p>
          {canEdit ? null : <p className="mt-2 text-sm text-slate-600">{t("readOnly")}</p>}
        </div>
        {canEdit ? (
          <ClientMessages namespaces={formTexts}>
            <AgentSwitchForm enabled={enabled} />
          </ClientMessages>
        ) : null}
      </div>
    </section>
  );
}
