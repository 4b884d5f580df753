import { getServerSession } from "next-auth";
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { authOptions } from "@/lib/auth/options";
import { pickLocale } from "@/lib/i18n/locales";

export default getRequestConfig(async () => {
  // headers() first: it marks the render as per-request, so a build never reaches the session.
  const acceptLanguage = (await headers()).get("accept-language");
  const session = await getServerSession(authOptions());
  const locale = pickLocale({ userLocale: session?.locale, acceptLanguage });
  return {
    locale,
    messages: (await import(`../../messages/${locale}.json`)).default,
    timeZone: "UTC",
  };
});
