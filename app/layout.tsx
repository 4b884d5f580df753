import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/providers/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* Only the texts app/error.tsx shows (every page carries them): each page and the sidebar bring the namespaces they use. */}
        <ClientMessages namespaces={["errors.genericTitle", "errors.genericBody", "errors.retry"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
