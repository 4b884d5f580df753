import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";

/** The inbox list and conversation: their texts and the destinations' names. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["inbox", "handoff.destinations"]}>{children}</ClientMessages>;
}
