import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db/client";
import { countUnassignedOpen } from "@/db/queries/escalations/inbox";
import { listMemberships } from "@/db/queries/accounts/memberships";
import { requireMember } from "@/lib/auth/require-member";
import { heartbeatIntervalMs, presenceOf } from "@/lib/services/availability";
import { notificationSoundOf } from "@/lib/services/handoff-notices";
import { Sidebar } from "@/components/layout/sidebar";
import { ClientMessages } from "@/components/providers/client-messages";
import { LiveUpdatesProvider } from "@/components/inbox/live-updates";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMember();
  const db = await getDb();
  const [memberships, unassigned, presence, sound] = await Promise.all([
    listMemberships(db, { userId: member.userId }),
    countUnassignedOpen(db, member.accountId),
    presenceOf(db, member),
    notificationSoundOf(db, member),
  ]);
  const t = await getTranslations("nav");
  return (
    <LiveUpdatesProvider>
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        {t("skipToContent")}
      </a>
      {/* A phone gets a top bar whose Menu opens the sidebar over the page; from md up it is a column beside it. */}
      <div className="flex min-h-screen flex-col md:flex-row">
        <ClientMessages namespaces={["nav", "accountMenu", "presence", "notifications.control", "notifications.notification"]}>
          <Sidebar
            member={member}
            memberships={memberships}
            unassigned={unassigned}
            presence={{ status: presence, heartbeatMs: heartbeatIntervalMs() }}
            sound={sound}
          />
        </ClientMessages>
        <main id="content" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </LiveUpdatesProvider>
  );
}
