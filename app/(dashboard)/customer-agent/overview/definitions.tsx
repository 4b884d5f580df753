"use client";

import { useTranslations } from "@/lib/i18n/client";

/** Every figure's definition, in one place at the foot of the page (each tile's "i" shows its own). */
export function Definitions({ timeZone, resolutionWindowHours }: { timeZone: string; resolutionWindowHours: number }) {
  const t = useTranslations("overview");
  const tPickup = useTranslations("notifications.pickup");
  const items = [
    { term: t("definitions.scopeTerm"), text: t("definitions.scope", { timeZone }) },
    { term: t("definitions.outcomesTerm"), text: t("definitions.outcomes") },
    { term: t("tiles.resolution"), text: t("definitions.resolution") },
    { term: t("definitions.durableTerm"), text: t("definitions.durable", { hours: resolutionWindowHours }) },
    { term: t("tiles.routed"), text: t("definitions.routed") },
    { term: t("tiles.messageShown"), text: t("definitions.messageShown") },
    { term: t("tiles.declined"), text: t("definitions.declined") },
    { term: t("charts.funnel.title"), text: t("definitions.funnel") },
    { term: t("tiles.medianReply"), text: t("definitions.reply") },
    { term: t("tiles.forwarding"), text: t("definitions.forwarding") },
    { term: tPickup("tile"), text: tPickup("definition") },
    { term: t("definitions.changeTerm"), text: t("definitions.change") },
    { term: t("definitions.gapsTerm"), text: t("definitions.gaps") },
    { term: t("definitions.agentOffTerm"), text: t("definitions.agentOff") },
  ];
  return (
    <section aria-labelledby="definitions-title" data-testid="definitions" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id="definitions-title" className="text-sm font-semibold text-slate-900">
        {t("definitions.title")}
      </h3>
      <dl className="mt-3 grid gap-x-8 gap-y-3 text-xs leading-relaxed md:grid-cols-2">
        {items.map((item) => (
          <div key={item.term}>
            <dt className="font-medium text-slate-800">{item.term}</dt>
            <dd className="mt-0.5 text-slate-600">{item.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
