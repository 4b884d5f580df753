import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Tabs } from "@/components/layout/tabs";
import { requireMember } from "@/lib/auth/require-member";
import { canSeeOverview, canSeeSettings } from "@/lib/auth/roles";

export default async function CustomerAgentLayout({ children }: { children: ReactNode }) {
  // The overview and settings are for leads and admins (their pages and layouts check it too);
  // every member reads the Knowledge tab.
  const member = await requireMember({ role: "agent" });
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("customerAgent.title")} description={t("customerAgent.subtitle")}>
        <Tabs
          label={t("customerAgent.tabsLabel")}
          tabs={[
            ...(canSeeOverview(member.role) ? [{ href: "/customer-agent/overview", label: t("nav.overview") }] : []),
            { href: "/customer-agent/knowledge", label: t("nav.knowledge") },
            ...(canSeeSettings(member.role) ? [{ href: "/customer-agent/settings/handoff", match: "/customer-agent/settings", label: t("nav.settings") }] : []),
          ]}
        />
      </PageHeader>
      <div className="px-4 py-6 sm:px-8 sm:py-8">{children}</div>
    </>
  );
}
