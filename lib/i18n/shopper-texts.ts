import { createTranslator } from "next-intl";
import { shopperTranslator } from "@/lib/i18n/shopper-translator";
import de from "@/messages/shopper/de.json";
import en from "@/messages/shopper/en.json";
import es from "@/messages/shopper/es.json";
import fr from "@/messages/shopper/fr.json";
import ptBR from "@/messages/shopper/pt-BR.json";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";

/** The shopper catalogs (messages/shopper/<locale>.json), typed by the English one. */
export type ShopperCatalog = typeof en;
export const shopperCatalogs: Record<ShopperLocale, ShopperCatalog> = { en, "pt-BR": ptBR, es, fr, de };

/** Shopper-facing texts (the `shopper` namespace) in the shopper's language, outside React; `.locale` formats dates. */
export function shopperTexts(locale: ShopperLocale) {
  return shopperTranslator(locale, shopperCatalogs[locale].shopper);
}

export type ShopperTexts = ReturnType<typeof shopperTexts>;

/** The plain texts the widget renders itself (no placeholders), for GET /config. */
export function widgetTexts(locale: ShopperLocale): Record<string, string> {
  return Object.fromEntries(Object.entries(shopperCatalogs[locale].shopper).filter(([, text]) => !text.includes("{")));
}

/** The texts around an agent's reply sent to the shopper by email (the `shopperEmail` namespace). */
export function shopperEmailTexts(locale: ShopperLocale) {
  return createTranslator({ locale, messages: shopperCatalogs[locale], namespace: "shopperEmail" });
}

/** The headings and labels of a ticket forwarded to a helpdesk, in the account's language (the `ticket` namespace). */
export function ticketTexts(locale: ShopperLocale) {
  return createTranslator({ locale, messages: shopperCatalogs[locale], namespace: "ticket" });
}

/** A demo storefront's texts (the `demoStore` namespace). */
export function storefrontTexts(locale: ShopperLocale) {
  return createTranslator({ locale, messages: shopperCatalogs[locale], namespace: "demoStore" });
}
