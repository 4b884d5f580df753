import { z } from "zod";
import { shopperLocales } from "@/lib/i18n/shopper-locales";

/** A language tag as pages and browsers send it (`pt-BR`, `es`, `zh-Hant-TW`); unsupported ones are negotiated, not refused. */
export const languageTagSchema = z
  .string()
  .trim()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { error: "invalid_locale" });

/** The Handoff tab's Languages form: the account's language, and the default shopper language (`auto`: the account's). */
export const accountLanguagesSchema = z.object({
  locale: z.enum(shopperLocales, { error: "locale_required" }),
  shopperLocale: z.enum(["auto", ...shopperLocales], { error: "locale_required" }),
});
export type AccountLanguagesInput = z.infer<typeof accountLanguagesSchema>;
