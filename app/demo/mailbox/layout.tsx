import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import { demoMailboxDir } from "@/lib/services/demo-mailbox";

// The demo mailbox exists only while `npm run demo` runs (DEMO_MAILBOX_DIR); anywhere else, 404.
// It is the shoppers' side of the demo, public like the demo storefronts.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("demoMailbox"))("title"), robots: { index: false } };
}

export default function DemoMailboxLayout({ children }: { children: ReactNode }) {
  if (!demoMailboxDir()) notFound();
  return <ClientMessages namespaces={["demoMailbox"]}>{children}</ClientMessages>;
}
