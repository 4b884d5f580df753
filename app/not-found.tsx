import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/layout/status-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <StatusPage
      code="404"
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={
        // A plain link: this page is rendered into every page's payload as the boundary's
        // fallback, and a client link there would load its script on every page.
        // eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load is fine from an error page
        <a href="/" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("home")}
        </a>
      }
    />
  );
}
