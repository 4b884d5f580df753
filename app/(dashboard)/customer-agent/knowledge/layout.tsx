import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { requireMember } from "@/lib/auth/require-member";

/** The Knowledge tab's client components read only its own texts. */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireMember();
  return <ClientMessages namespaces={["knowledge"]}>{children}</ClientMessages>;
}
