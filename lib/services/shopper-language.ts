import "server-only";
import type { Database } from "@/db/client";
import { findAccountLanguages, updateAccountLanguages } from "@/db/queries/accounts/languages";
import { accountShopperDefault, matchShopperLocale, pickShopperLocale, type ShopperLocale } from "@/lib/i18n/shopper-locales";
import type { AccountLanguagesInput } from "@/lib/validation/account-languages";

/** The account's language (tickets, the main version of its texts) and its default shopper language setting. */
export async function accountLanguages(
  db: Database,
  accountId: string,
): Promise<{ locale: ShopperLocale; shopperLocale: ShopperLocale | null; shopperDefault: ShopperLocale }> {
  const row = (await findAccountLanguages(db, accountId)) ?? { locale: "en", shopperLocale: null };
  return { locale: matchShopperLocale(row.locale) ?? "en", shopperLocale: matchShopperLocale(row.shopperLocale), shopperDefault: accountShopperDefault(row) };
}

/**
 * The language to speak to a shopper who starts a conversation: the page's `data-locale`, else the
 * browser's languages, else the account's default shopper language.
 */
export async function negotiateShopperLocale(
  db: Database,
  params: { accountId: string; requested?: string | null; acceptLanguage?: string | null },
): Promise<ShopperLocale> {
  const requested = matchShopperLocale(params.requested);
  if (requested) return requested;
  const { shopperDefault } = await accountLanguages(db, params.accountId);
  return pickShopperLocale({ acceptLanguage: params.acceptLanguage, accountDefault: shopperDefault });
}

/** A stored conversation's language (anything unknown reads as English). */
export const conversationLocale = (conversation: { locale: string }): ShopperLocale => matchShopperLocale(conversation.locale) ?? "en";

export async function saveAccountLanguages(db: Database, params: { accountId: string; input: AccountLanguagesInput }) {
  await updateAccountLanguages(db, params.accountId, {
    locale: params.input.locale,
    shopperLocale: params.input.shopperLocale === "auto" ? null : params.input.shopperLocale,
  });
}
