"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { HandoffSnapshot } from "@/db/schema/handoff-settings";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";
import { handoffFormToObject, saveHandoffSchema } from "@/lib/validation/handoff";

export type SavedHandoff = { version: number; settings: HandoffSnapshot };

/** Saves the Handoff tab. Admins only; a save from a stale page is refused, not merged. */
export async function saveHandoffAction(_previous: ActionResult<SavedHandoff> | null, form: FormData): Promise<ActionResult<SavedHandoff>> {
  return runAction({ name: "saveHandoff", role: "admin", schema: saveHandoffSchema, input: handoffFormToObject(form) }, async (member, input) => {
    const state = await saveHandoffSettings(await getDb(), { accountId: member.accountId, userId: member.userId, input });
    revalidatePath("/customer-agent/settings/handoff");
    return { version: state.version, settings: state.settings };
  });
}
