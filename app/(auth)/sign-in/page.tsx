import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getMember } from "@/lib/auth/require-member";
import { safeCallbackPath } from "@/lib/validation/callback-path";
import { ClientMessages } from "@/components/providers/client-messages";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  // Without a callback, "/" sends each member to their start page (agents cannot see the overview).
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl, "/");
  if (await getMember()) redirect(callbackPath);
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-indigo-600">{t("common.appName")}</p>
          <h1 className="mt-6 text-xl font-semibold text-slate-900">{t("signIn.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("signIn.subtitle")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <ClientMessages namespaces={["signIn"]}>
            <SignInForm callbackPath={callbackPath} />
          </ClientMessages>
        </div>
      </div>
    </main>
  );
}
