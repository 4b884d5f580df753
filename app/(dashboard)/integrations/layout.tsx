import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";

/** The integration cards, connect dialogs and deliveries: their texts and the destinations' names. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["integrations", "handoff.destinations", "inbox.statuses"]}>{children}</ClientMessages>;
}
