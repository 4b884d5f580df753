import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StatusPage } from "@/components/layout/status-page";
import { getMember } from "@/lib/auth/require-member";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  const member = await getMember();
  return (
    <StatusPage
      code="403"
      title={t("forbiddenTitle")}
      body={member ? t("forbiddenBody", { account: member.accountName }) : t("forbiddenBodyNoAccount")}
      action={
        <Link href="/" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("home")}
        </Link>
      }
    />
  );
}
