"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { saveAccountLanguages } from "@/lib/services/shopper-language";
import { accountLanguagesSchema } from "@/lib/validation/account-languages";

/** Saves the account's language and default shopper language (Handoff tab). Admins only. */
export async function saveAccountLanguagesAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  return runAction(
    {
      name: "saveAccountLanguages",
      role: "admin",
      schema: accountLanguagesSchema,
      input: { locale: form.get("locale"), shopperLocale: form.get("shopperLocale") },
    },
    async (member, input) => {
      await saveAccountLanguages(await getDb(), { accountId: member.accountId, input });
      revalidatePath("/customer-agent/settings", "layout");
      return null;
    },
  );
}
