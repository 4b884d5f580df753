"use server";

import { getDb } from "@/db/client";
import { formFields as fields, refreshDestinations as refresh, type Connected } from "@/lib/actions/connect-destination";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { gorgiasSchema } from "@/lib/helpdesks/gorgias/schemas";

export async function connectGorgiasAction(_: ActionResult<Connected> | null, form: FormData): Promise<ActionResult<Connected>> {
  return runAction(
    { name: "connectGorgias", role: "admin", schema: gorgiasSchema, input: fields(form, ["domain", "email", "apiKey", "storeEmail", "storePhone"]) },
    async (member, input) => {
      const result = await connectGorgias(await getDb(), member, input);
      refresh();
      return result;
    },
  );
}
