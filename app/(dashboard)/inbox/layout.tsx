import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { requireMember } from "@/lib/auth/require-member";

/** The inbox list and conversation: their texts and the destinations' names. */
export default async function Layout({ children }: { children: ReactNode }) {
  // Pages check roles; the layout only needs a member (and checks, as every dashboard layout does).
  await requireMember();
  return <ClientMessages namespaces={["inbox", "handoff.destinations", "notifications.overdue"]}>{children}</ClientMessages>;
}
