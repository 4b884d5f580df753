import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Tabs } from "@/components/layout/tabs";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { isAgentEnabled } from "@/lib/services/agent-switch";
import { AgentSwitch } from "./agent-switch";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const member = await requireMember({ role: "lead" });
  const t = await getTranslations("customerAgent");
  const enabled = await isAgentEnabled(await getDb(), member.accountId);
  return (
    <div className="space-y-6">
      <AgentSwitch enabled={enabled} canEdit={member.role === "admin"} />
      <Tabs
        size="sm"
        label={t("settingsTabsLabel")}
        tabs={[
          { href: "/customer-agent/settings/handoff", label: t("handoffTab") },
          { href: "/customer-agent/settings/business-hours", label: t("hoursTab") },
          { href: "/customer-agent/settings/widget", label: t("widgetTab") },
          // Admins only: leads and agents are not shown the tab (the page answers them 403).
          ...(member.role === "admin" ? [{ href: "/customer-agent/settings/webhooks", label: t("webhooksTab") }] : []),
        ]}
      />
      {children}
    </div>
  );
}
