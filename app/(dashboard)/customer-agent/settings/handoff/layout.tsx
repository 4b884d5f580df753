import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";

/** The Handoff tab's client components: its form, preview and the helpdesk connect dialog. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["handoff", "integrations"]}>{children}</ClientMessages>;
}
