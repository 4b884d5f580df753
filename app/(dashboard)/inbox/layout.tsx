import type { ReactNode } from "react";
import { InboxQueriesFollowLive } from "@/components/inbox/follow-live";
import { ClientMessages } from "@/components/providers/client-messages";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireMember } from "@/lib/auth/require-member";

/** The inbox list and conversation: their texts and the destinations' names, and React Query (only these pages and the overview use it). */
export default async function Layout({ children }: { children: ReactNode }) {
  // Pages check roles; the layout only needs a member (and checks, as every dashboard layout does).
  await requireMember();
  return (
    <QueryProvider>
      <InboxQueriesFollowLive />
      <ClientMessages namespaces={["inbox", "handoff.destinations", "notifications.overdue"]}>{children}</ClientMessages>
    </QueryProvider>
  );
}
