import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Availability } from "@/lib/availability/availability";
import { exceptionOn } from "@/lib/availability/schedule";
import { backAtText } from "@/lib/availability/availability";
import { matchShopperLocale } from "@/lib/i18n/shopper-locales";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { localDayAndMinute } from "@/lib/availability/time-zone";
import type { BusinessHoursState } from "@/lib/services/business-hours";

const tone = {
  available: { dot: "bg-emerald-500", box: "border-emerald-200 bg-emerald-50 text-emerald-900" },
  unavailable: { dot: "bg-amber-500", box: "border-amber-200 bg-amber-50 text-amber-900" },
};

/** Whether shoppers reach a human right now, from the saved hours and who is online. */
export async function AvailabilityStatus({ state }: { state: { availability: Availability; hours: BusinessHoursState; now: Date } }) {
  const t = await getTranslations("businessHours.status");
  const format = await getFormatter();
  const locale = await getLocale();
  // "Back {backAt}" worded as shoppers read it, in the dashboard's language.
  const tShopper = shopperTexts(matchShopperLocale(locale) ?? "en");
  const { availability, hours, now } = state;
  const backAt = backAtText(availability.nextOpeningAt, { timeZone: hours.timeZone, locale, now }, (key, values) => tShopper(key, values));
  const holiday = exceptionOn(hours.rules, localDayAndMinute(now.getTime(), hours.timeZone).day);
  const message =
    availability.reason === "available"
      ? t("available", { count: availability.agentsAvailable })
      : availability.reason === "holiday"
        ? t("holiday", { label: holiday?.label || "none", backAt })
        : t(availability.reason, { backAt });
  const style = availability.available ? tone.available : tone.unavailable;
  return (
    <section
      aria-labelledby="hours-status-title"
      className={`rounded-xl border p-5 ${style.box}`}
      data-testid="availability-status"
      data-available={availability.available}
    >
      <h3 id="hours-status-title" className="flex items-center gap-2 text-sm font-semibold">
        <span aria-hidden="true" className={`size-2.5 rounded-full ${style.dot}`} />
        {t("title")}
      </h3>
      <p className="mt-2 text-sm">{message}</p>
      <p className="mt-2 text-xs opacity-80">
        {t("localTime", {
          time: format.dateTime(now, { timeZone: hours.timeZone, weekday: "long", hour: "numeric", minute: "2-digit" }),
          timeZone: hours.timeZone,
        })}
      </p>
    </section>
  );
}
