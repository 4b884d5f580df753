import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { getMember } from "@/lib/auth/require-member";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { pickLocale } from "@/lib/i18n/locales";

export default getRequestConfig(async () => {
  // headers() first: it marks the render as per-request, so a build never reaches the session.
  const acceptLanguage = (await headers()).get("accept-language");
  // The member is read from the database (once per request), not from the session cookie, so a
  // language chosen in the account menu applies on the next render without signing in again.
  const member = await getMember();
  const locale = pickLocale({ userLocale: member?.locale, acceptLanguage });
  return {
    locale,
    // Only the active language's catalog: it is all that reaches the browser.
    messages: await dashboardMessages(locale),
    // Dates and times are written in the account's time zone, whatever the viewer's.
    timeZone: member?.timeZone ?? "UTC",
  };
});
