import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { requireMember } from "@/lib/auth/require-member";

/** The Webhooks tab's client components read only its own texts. */
export default async function Layout({ children }: { children: ReactNode }) {
  // Admins only: the endpoints, their secrets and what was sent are the account's integration surface.
  await requireMember({ role: "admin" });
  return <ClientMessages namespaces={["webhooks"]}>{children}</ClientMessages>;
}
