import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { Locale } from "@/lib/i18n/locales";

const catalogs: Record<Locale, typeof en> = { en };

/** Shopper-facing texts (the `shopper` namespace) in the shopper's language, outside React. */
export function shopperTexts(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: "shopper" });
}

export type ShopperTexts = ReturnType<typeof shopperTexts>;

/** The plain texts the widget renders itself (no placeholders), for GET /config. */
export function widgetTexts(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogs[locale].shopper).filter(([, text]) => !text.includes("{")));
}
