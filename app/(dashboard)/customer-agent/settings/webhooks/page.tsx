import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { webhookEndpoints } from "@/lib/services/webhooks";
import { webhookEventTypes } from "@/lib/validation/webhooks";
import { AddEndpointForm } from "./add-endpoint-form";
import { EndpointCard } from "./endpoint-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  const member = await requireMember({ role: "admin" });
  const endpoints = await webhookEndpoints(await getDb(), member.accountId);
  const t = await getTranslations("webhooks");
  const card = "rounded-xl border border-slate-200 bg-white p-6";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      <section aria-labelledby="add-endpoint-title" className={card}>
        <h3 id="add-endpoint-title" className="text-sm font-semibold text-slate-900">
          {t("addTitle")}
        </h3>
        <AddEndpointForm eventTypes={[...webhookEventTypes]} />
      </section>
      <section aria-labelledby="endpoints-title" className={card}>
        <h3 id="endpoints-title" className="text-sm font-semibold text-slate-900">
          {t("endpointsTitle")}
        </h3>
        {endpoints.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200" data-testid="webhook-endpoints">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="py-4 first:pt-0 last:pb-0">
                <EndpointCard endpoint={endpoint} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
