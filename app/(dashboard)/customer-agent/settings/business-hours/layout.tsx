import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { requireMember } from "@/lib/auth/require-member";

/** The Business hours tab's client components read only its own texts. */
export default async function Layout({ children }: { children: ReactNode }) {
  // Pages check roles; the layout only needs a member (and checks, as every dashboard layout does).
  await requireMember();
  return <ClientMessages namespaces={["businessHours", "notifications.settings"]}>{children}</ClientMessages>;
}
