import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";
import type { Locale } from "@/lib/i18n/locales";

const catalogs: Record<Locale, typeof en> = { en, "pt-BR": ptBR };

/** Shopper-facing texts (the `shopper` namespace) in the shopper's language, outside React; `.locale` formats dates. */
export function shopperTexts(locale: Locale) {
  return Object.assign(createTranslator({ locale, messages: catalogs[locale], namespace: "shopper" }), { locale });
}

export type ShopperTexts = ReturnType<typeof shopperTexts>;

/** The plain texts the widget renders itself (no placeholders), for GET /config. */
export function widgetTexts(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogs[locale].shopper).filter(([, text]) => !text.includes("{")));
}

/** The texts around an agent's reply sent to the shopper by email (the `shopperEmail` namespace). */
export function shopperEmailTexts(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: "shopperEmail" });
}
