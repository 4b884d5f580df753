import { matchLocale, rankedLanguages } from "@/lib/i18n/locales";

/**
 * The languages Baton speaks to shoppers (widget, handoff steps, emails, SMS texts), each with a
 * catalog in messages/shopper/. Separate from the dashboard's languages (lib/i18n/locales.ts).
 */
export const shopperLocales = ["en", "pt-BR", "es", "fr", "de"] as const;
export type ShopperLocale = (typeof shopperLocales)[number];

export const isShopperLocale = (value: unknown): value is ShopperLocale => shopperLocales.includes(value as ShopperLocale);

/** The supported shopper language a tag asks for (`pt` and `pt-PT` → `pt-BR`, `es-MX` → `es`), or null. */
export const matchShopperLocale = (tag: string | null | undefined): ShopperLocale | null => (tag ? matchLocale(shopperLocales, tag.trim()) : null);

/**
 * A new conversation's language: the host page's `data-locale` when it names a supported language,
 * else the browser's best supported language (Accept-Language), else the account's default.
 */
export function pickShopperLocale(input: { requested?: string | null; acceptLanguage?: string | null; accountDefault: ShopperLocale }): ShopperLocale {
  const requested = matchShopperLocale(input.requested);
  if (requested) return requested;
  for (const tag of rankedLanguages(input.acceptLanguage)) {
    const found = matchShopperLocale(tag);
    if (found) return found;
  }
  return input.accountDefault;
}

/** The account's default shopper language: its fixed choice, or (automatic) the account's own language. */
export const accountShopperDefault = (account: { locale: string; shopperLocale: string | null }): ShopperLocale =>
  matchShopperLocale(account.shopperLocale) ?? matchShopperLocale(account.locale) ?? "en";
