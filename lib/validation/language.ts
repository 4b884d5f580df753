import { z } from "zod";
import { supportedLocales } from "@/lib/i18n/locales";

/** A language chosen in the account menu: a supported locale, or null to follow the browser. */
export const languageSchema = z.object({ locale: z.enum(supportedLocales, { error: "locale_invalid" }).nullable() });
