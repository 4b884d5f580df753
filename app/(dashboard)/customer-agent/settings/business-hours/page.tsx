import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { autoReplyIfNobody } from "@/lib/availability/availability";
import { mapWeek } from "@/lib/availability/rules";
import { isoDate, localDayAndMinute, timeZoneOptions } from "@/lib/availability/time-zone";
import { env } from "@/lib/env";
import { languageName } from "@/lib/i18n/language-names";
import { shopperLocales } from "@/lib/i18n/shopper-locales";
import { shopperCatalogs, shopperTexts } from "@/lib/i18n/shopper-texts";
import { previewMessages } from "@/lib/i18n/preview-messages";
import { availabilityOf, teamPresence } from "@/lib/services/availability";
import { accountLanguages } from "@/lib/services/shopper-language";
import { overdueThresholdOf } from "@/lib/services/handoff-notices";
import { BusinessHoursForm } from "./business-hours-form";
import { AvailabilityStatus } from "./availability-status";
import { TeamPresence } from "./team-presence";
import { OverdueForm } from "./overdue-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.businessHours");
  return { title: t("title") };
}

export default async function BusinessHoursPage() {
  const member = await requireMember({ role: "lead" });
  const db = await getDb();
  const now = new Date();
  const [state, team, languages, overdueSeconds] = await Promise.all([
    availabilityOf(db, member.accountId, now),
    teamPresence(db, member.accountId, now),
    accountLanguages(db, member.accountId),
    overdueThresholdOf(db, member.accountId),
  ]);
  const { hours } = state;
  const t = await getTranslations("pages.businessHours");
  const tHours = await getTranslations("businessHours");
  // What a shopper would read now if nobody were available, in the account's language (the form recomputes it while editing).
  const tShopper = shopperTexts(languages.locale);
  const autoReply = autoReplyIfNobody(
    { hours: hours.rules, template: hours.autoReply, timeZone: hours.timeZone, locale: tShopper.locale, now },
    (key, values) => tShopper(key, values),
  );
  const zones = timeZoneOptions(now);
  const timeZones = zones.some((z) => z.value === hours.timeZone) ? zones : [{ value: hours.timeZone, label: hours.timeZone }, ...zones];

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("description")}</p>
      </div>
      <div className="grid max-w-5xl grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <AvailabilityStatus state={state} />
        <TeamPresence team={team} timeoutMinutes={Math.round(env().AGENT_PRESENCE_TIMEOUT_SECONDS / 60)} now={now} />
      </div>
      <div className="max-w-5xl space-y-6">
        {!hours.configured ? (
          <p role="note" className="rounded-md bg-indigo-50 px-4 py-3 text-sm text-indigo-900">
            {tHours("notConfigured")}
          </p>
        ) : null}
        <BusinessHoursForm
          timeZone={hours.timeZone}
          // None set yet: the form starts empty (the team counts as open around the clock until saved).
          rules={hours.configured ? hours.rules : { weekly: mapWeek(() => []), exceptions: [] }}
          configured={hours.configured}
          autoReply={hours.autoReply}
          inHoursMessage={hours.inHoursMessage}
          version={hours.version}
          canEdit={member.role === "admin"}
          timeZones={timeZones}
          now={now.toISOString()}
          today={isoDate(localDayAndMinute(now.getTime(), hours.timeZone).day)}
          initialPreview={[tShopper("sentToInboxByEmail", { email: tHours("sampleEmail") }), autoReply]}
          shopper={{ locale: languages.locale, messages: previewMessages(shopperCatalogs[languages.locale].shopper) }}
          languages={[languages.locale, ...shopperLocales.filter((l) => l !== languages.locale)].map((locale) => ({
            locale,
            name: languageName(locale),
            autoReplyDefault: shopperCatalogs[locale].shopper.autoReplyDefault,
          }))}
          translations={hours.translations}
        />
        <OverdueForm seconds={overdueSeconds} minSeconds={env().OVERDUE_MIN_SECONDS} canEdit={member.role === "admin"} />
      </div>
    </div>
  );
}
