import { getFormatter, getTranslations } from "next-intl/server";
import type { TeamMemberPresence } from "@/lib/services/availability";

const badge = {
  available: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  away: "bg-amber-50 text-amber-800 ring-amber-600/20",
  offline: "bg-slate-100 text-slate-600 ring-slate-500/20",
};
const dot = { available: "bg-emerald-500", away: "bg-amber-500", offline: "bg-slate-400" };

/** Who on the team is reachable now. */
export async function TeamPresence({ team, timeoutMinutes, now }: { team: TeamMemberPresence[]; timeoutMinutes: number; now: Date }) {
  const t = await getTranslations("businessHours.team");
  const tRoles = await getTranslations("accountMenu.roles");
  const format = await getFormatter();
  return (
    <section aria-labelledby="team-presence-title" className="rounded-xl border border-slate-200 bg-white p-5">
      <h3 id="team-presence-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <p className="mt-1 text-xs text-slate-500">{t("description", { minutes: timeoutMinutes })}</p>
      <ul className="mt-4 divide-y divide-slate-100" data-testid="team-presence">
        {team.map((m) => (
          <li key={m.userId} className="flex items-center justify-between gap-3 py-2.5 first:pt-0 last:pb-0">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-slate-900">{m.name}</p>
              <p className="truncate text-xs text-slate-500">
                {tRoles(m.role)}
                {" · "}
                {m.lastSeenAt ? t("lastSeen", { when: format.relativeTime(m.lastSeenAt, now) }) : t("neverSeen")}
              </p>
            </div>
            <span className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge[m.state]}`}>
              <span aria-hidden="true" className={`size-1.5 rounded-full ${dot[m.state]}`} />
              {t(m.state)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
