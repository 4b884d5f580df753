import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StatusPage } from "@/components/layout/status-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      code="404"
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={
        <Link href="/" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("home")}
        </Link>
      }
    />
  );
}
