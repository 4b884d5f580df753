"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { PresenceStatus } from "@/db/schema/availability";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { recordHeartbeat, setPresence } from "@/lib/services/availability";
import { saveBusinessHours, type BusinessHoursState } from "@/lib/services/business-hours";
import { businessHoursFormToObject, saveBusinessHoursSchema } from "@/lib/validation/business-hours";
import { heartbeatSchema, presenceSchema } from "@/lib/validation/presence";

export type SavedBusinessHours = Pick<BusinessHoursState, "version" | "timeZone" | "rules" | "autoReply" | "inHoursMessage">;

/** Saves the Business hours tab. Admins only; a save from a stale page is refused, not merged. */
export async function saveBusinessHoursAction(_previous: ActionResult<SavedBusinessHours> | null, form: FormData): Promise<ActionResult<SavedBusinessHours>> {
  return runAction(
    { name: "saveBusinessHours", role: "admin", schema: saveBusinessHoursSchema, input: businessHoursFormToObject(form) },
    async (member, input) => {
      const state = await saveBusinessHours(await getDb(), { accountId: member.accountId, userId: member.userId, input });
      revalidatePath("/customer-agent/settings", "layout");
      return { version: state.version, timeZone: state.timeZone, rules: state.rules, autoReply: state.autoReply, inHoursMessage: state.inHoursMessage };
    },
  );
}

/** The member's own Available / Away, in the active account. */
export async function setPresenceAction(status: PresenceStatus): Promise<ActionResult<{ status: PresenceStatus }>> {
  return runAction({ name: "setPresence", schema: presenceSchema, input: { status } }, async (member, input) => {
    const row = await setPresence(await getDb(), member, input.status);
    return { status: row.status };
  });
}

/** The open dashboard's heartbeat: keeps an Available member counted. Returns their current choice. */
export async function heartbeatAction(): Promise<ActionResult<{ status: PresenceStatus }>> {
  return runAction({ name: "heartbeat", schema: heartbeatSchema, input: {} }, async (member) => {
    const row = await recordHeartbeat(await getDb(), member);
    return { status: row.status };
  });
}
