"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { env } from "@/lib/env";
import { saveOverdueThreshold, setNotificationSound } from "@/lib/services/handoff-notices";
import { notificationSoundSchema, overdueThresholdSchema } from "@/lib/validation/notifications";

/** The member's own notification sound, on or off (remembered per account). */
export async function setNotificationSoundAction(sound: boolean): Promise<ActionResult<{ sound: boolean }>> {
  return runAction({ name: "setNotificationSound", schema: notificationSoundSchema, input: { sound } }, async (member, input) =>
    setNotificationSound(await getDb(), member, input.sound),
  );
}

/** The account's "waiting too long" threshold. Admins only, as the rest of Business hours. */
export async function saveOverdueThresholdAction(
  _previous: ActionResult<{ seconds: number }> | null,
  form: FormData,
): Promise<ActionResult<{ seconds: number }>> {
  return runAction(
    { name: "saveOverdueThreshold", role: "admin", schema: overdueThresholdSchema(env().OVERDUE_MIN_SECONDS), input: { minutes: form.get("minutes") } },
    async (member, input) => {
      const saved = await saveOverdueThreshold(await getDb(), member, input.minutes);
      revalidatePath("/customer-agent/settings", "layout");
      return saved;
    },
  );
}
