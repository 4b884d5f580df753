import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listHelpdeskConnections } from "@/db/queries/helpdesk-connections";
import { PageHeader } from "@/components/layout/page-header";
import { requireMember } from "@/lib/auth/require-member";
import { getHandoffState } from "@/lib/services/handoff-settings";
import { listHelpdeskIncidents } from "@/lib/services/helpdesk-incidents";
import { deliveriesSearchSchema } from "@/lib/validation/integrations";
import type { ConnectableId } from "@/lib/helpdesks/registry";
import type { DestinationId } from "@/lib/helpdesks/adapter";
import { connectableDestinations, destinationAdapter, onboardingViews } from "@/lib/helpdesks/registry";
import { listDeliveries } from "@/lib/services/deliveries";
import { mailToReview } from "@/lib/services/inbound-email";
import { Deliveries } from "./deliveries";
import { InboundMail } from "./inbound-mail";
import { DeliveryFilters, DeliveryPaging, RetryAllFailed } from "./delivery-controls";
import { IntegrationCard } from "./integration-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.integrations");
  return { title: t("title") };
}

type Search = { connect?: string; connectError?: string; connected?: string; status?: string; page?: string };

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const member = await requireMember({ role: "lead" });
  const db = await getDb();
  const search = await searchParams;
  const filter = deliveriesSearchSchema.parse({ status: search.status, page: search.page });
  const [connections, handoff, deliveries, incidents, inboundMail] = await Promise.all([
    listHelpdeskConnections(db, member.accountId),
    getHandoffState(db, member.accountId),
    listDeliveries(db, { accountId: member.accountId, status: filter.status ?? null, page: filter.page }),
    listHelpdeskIncidents(db, { accountId: member.accountId }),
    member.role === "admin" ? mailToReview(db, member.accountId) : null,
  ]);
  const t = await getTranslations();
  const canEdit = member.role === "admin";
  const connectable = connectableDestinations();
  const views = onboardingViews();
  return (
    <>
      <PageHeader title={t("pages.integrations.title")} description={t("pages.integrations.description")} />
      <div className="space-y-6 px-4 py-6 sm:px-8 sm:py-8">
        {!canEdit ? (
          <p className="max-w-5xl rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700">{t("integrations.readOnly")}</p>
        ) : null}
        {connectable.some((d) => d.id === search.connected) ? (
          <p role="status" className="max-w-5xl rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
            {t("integrations.connectedNotice", { helpdesk: t(`handoff.destinations.${search.connected as DestinationId}.name`) })}
          </p>
        ) : null}
        <div className="grid max-w-5xl gap-6 lg:grid-cols-2">
          {connectable.map(({ id: provider, display }) => {
            const connection = connections.find((c) => c.provider === provider);
            return (
              <IntegrationCard
                key={provider}
                provider={provider as ConnectableId}
                display={display}
                connection={
                  connection
                    ? {
                        site: connection.site,
                        // Where it really is (the destination knows, e.g. from its URL template), not a guess from the site.
                        address: destinationAdapter(provider).siteAddress?.(connection.site) ?? connection.site,
                        agentEmail: connection.agentEmail,
                        authType: connection.authType,
                        notice: destinationAdapter(provider).connectionNotice?.(connection) ?? null,
                        verifiedAt: connection.verifiedAt.toISOString(),
                        lastTestTicket:
                          connection.lastTestTicketId && connection.lastTestTicketUrl && connection.lastTestTicketAt
                            ? { id: connection.lastTestTicketId, url: connection.lastTestTicketUrl, at: connection.lastTestTicketAt.toISOString() }
                            : null,
                      }
                    : null
                }
                incident={incidents.find((i) => i.destination === provider) ?? null}
                isDestination={handoff.settings.method === "helpdesk" && handoff.settings.destination === provider}
                canEdit={canEdit}
                view={views[provider as ConnectableId]}
                openOnLoad={canEdit && search.connect === provider}
                initialError={search.connect === provider ? search.connectError : undefined}
              />
            );
          })}
        </div>
        <section aria-labelledby="deliveries-title" className="max-w-5xl space-y-3">
          <div>
            <h2 id="deliveries-title" className="text-base font-semibold text-slate-900">
              {t("integrations.deliveries.title")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("integrations.deliveries.description")}</p>
          </div>
          <DeliveryFilters counts={deliveries.counts.all} current={filter.status ?? null} />
          {canEdit ? (
            <RetryAllFailed
              destinations={connectable
                .map((d) => ({ id: d.id, failed: deliveries.counts.byDestination[d.id]?.failed ?? 0, failing: incidents.some((i) => i.destination === d.id) }))
                .filter((d) => d.failed > 0)}
            />
          ) : null}
          <Deliveries deliveries={deliveries.deliveries} canEdit={canEdit} filtered={Boolean(filter.status)} />
          <DeliveryPaging page={deliveries.page} pageSize={deliveries.pageSize} total={deliveries.total} status={filter.status ?? null} />
        </section>
        {inboundMail ? <InboundMail mail={inboundMail} /> : null}
      </div>
    </>
  );
}
