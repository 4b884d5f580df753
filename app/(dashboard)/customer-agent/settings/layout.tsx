import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Tabs } from "@/components/layout/tabs";
import { requireMember } from "@/lib/auth/require-member";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireMember({ role: "lead" });
  const t = await getTranslations("customerAgent");
  return (
    <div className="space-y-6">
      <Tabs
        size="sm"
        label={t("settingsTabsLabel")}
        tabs={[
          { href: "/customer-agent/settings/handoff", label: t("handoffTab") },
          { href: "/customer-agent/settings/business-hours", label: t("hoursTab") },
          { href: "/customer-agent/settings/widget", label: t("widgetTab") },
        ]}
      />
      {children}
    </div>
  );
}
