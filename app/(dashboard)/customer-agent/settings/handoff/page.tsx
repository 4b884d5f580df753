import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listHandoffChanges } from "@/db/queries/handoff-settings";
import { listHelpdeskConnections } from "@/db/queries/helpdesk-connections";
import { requireMember } from "@/lib/auth/require-member";
import { autoReplyIfNobody } from "@/lib/availability/availability";
import { getBusinessHours } from "@/lib/services/business-hours";
import { getHandoffState } from "@/lib/services/handoff-settings";
import { zendeskOAuthClient } from "@/lib/helpdesks/zendesk/credentials";
import { HandoffForm } from "./handoff-form";
import { HandoffHistory } from "./handoff-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.handoff");
  return { title: t("title") };
}

type Search = { connected?: string; connect?: string; connectError?: string };
const asProvider = (value?: string) => (value === "zendesk" || value === "gorgias" ? value : undefined);

export default async function HandoffPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember({ role: "lead" });
  const search = await searchParams;
  const requested = asProvider(search.connect);
  const db = await getDb();
  const [state, connections, changes, hours] = await Promise.all([
    getHandoffState(db, member.accountId),
    listHelpdeskConnections(db, member.accountId),
    listHandoffChanges(db, { accountId: member.accountId, limit: 20 }),
    getBusinessHours(db, member.accountId),
  ]);
  const t = await getTranslations("pages.handoff");
  const tHandoff = await getTranslations("handoff");
  // The latest change was the automatic fallback after a disconnect: say so until someone saves.
  const fellBackFrom = changes[0]?.reason === "helpdesk_disconnected" ? changes[0].before.destination : null;
  // The "nobody available" case of the preview: the auto-reply as a shopper asking now would read it.
  const now = new Date();
  const tShopper = await getTranslations("shopper");
  const autoReply = autoReplyIfNobody(
    { hours: hours.rules, template: hours.autoReply, timeZone: hours.timeZone, locale: await getLocale(), now },
    (key, values) => tShopper(key, values),
  );
  return (
    <div className="space-y-10">
      <section aria-labelledby="handoff-title">
        <h2 id="handoff-title" className="text-lg font-semibold text-slate-900">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
        {fellBackFrom ? (
          <p role="status" className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {tHandoff("fellBack", { helpdesk: tHandoff(`destinations.${fellBackFrom}.name`) })}
          </p>
        ) : null}
        <div className="mt-6">
          <HandoffForm
            settings={state.settings}
            version={state.version}
            connected={state.connected}
            connectedAs={Object.fromEntries(connections.map((c) => [c.provider, c.agentEmail ?? c.site]))}
            canEdit={member.role === "admin"}
            oauthAvailable={zendeskOAuthClient() !== null}
            justConnected={asProvider(search.connected)}
            connectRequest={requested ? { provider: requested, error: search.connectError } : undefined}
            inbox={{ autoReply, inHoursMessage: hours.inHoursMessage }}
          />
        </div>
      </section>
      <HandoffHistory changes={changes} />
    </div>
  );
}
