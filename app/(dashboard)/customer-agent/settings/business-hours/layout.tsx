import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";

/** The Business hours tab's client components read only its own texts. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["businessHours"]}>{children}</ClientMessages>;
}
