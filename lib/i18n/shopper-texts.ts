import { createTranslator } from "next-intl";
import de from "@/messages/shopper/de.json" with { type: "json" };
import en from "@/messages/shopper/en.json" with { type: "json" };
import es from "@/messages/shopper/es.json" with { type: "json" };
import fr from "@/messages/shopper/fr.json" with { type: "json" };
import ptBR from "@/messages/shopper/pt-BR.json" with { type: "json" };
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";

/** The shopper catalogs (messages/shopper/<locale>.json), typed by the English one. */
export type ShopperCatalog = typeof en;
export const shopperCatalogs: Record<ShopperLocale, ShopperCatalog> = { en, "pt-BR": ptBR, es, fr, de };

/** Shopper-facing texts (the `shopper` namespace) in the shopper's language, outside React; `.locale` formats dates. */
export function shopperTexts(locale: ShopperLocale) {
  return Object.assign(createTranslator({ locale, messages: shopperCatalogs[locale], namespace: "shopper" }), { locale });
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
