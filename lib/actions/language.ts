"use server";

import { getDb } from "@/db/client";
import { setUserLanguage } from "@/lib/services/language";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import type { Locale } from "@/lib/i18n/locales";
import { languageSchema } from "@/lib/validation/language";

/**
 * The signed-in user's dashboard language (any role; it is theirs, not the account's). Pages read
 * it from the database on every request, so the browser only has to refresh to see it.
 */
export async function setLanguageAction(locale: Locale | null): Promise<ActionResult<{ locale: Locale | null }>> {
  return runAction({ name: "setLanguage", schema: languageSchema, input: { locale } }, async (member, input) => {
    await setUserLanguage(await getDb(), { userId: member.userId, locale: input.locale });
    return { locale: input.locale };
  });
}
