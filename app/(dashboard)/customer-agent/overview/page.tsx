import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/ui/coming-soon";
import { requireMember } from "@/lib/auth/require-member";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.overview");
  return { title: t("title") };
}

export default async function OverviewPage() {
  await requireMember();
  const t = await getTranslations("pages.overview");
  return <ComingSoon title={t("title")} description={t("description")} />;
}
