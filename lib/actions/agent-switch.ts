"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { setAgentEnabled } from "@/lib/services/agent-switch";
import { agentSwitchSchema } from "@/lib/validation/agent-switch";

/** Turns the account's Customer Agent on or off (Settings tab). Admins only; recorded in the history. */
export async function setAgentEnabledAction(_previous: ActionResult<{ enabled: boolean }> | null, form: FormData): Promise<ActionResult<{ enabled: boolean }>> {
  return runAction({ name: "setAgentEnabled", role: "admin", schema: agentSwitchSchema, input: { enabled: form.get("enabled") } }, async (member, input) => {
    const result = await setAgentEnabled(await getDb(), { accountId: member.accountId, userId: member.userId, enabled: input.enabled });
    revalidatePath("/customer-agent", "layout");
    return { enabled: result.enabled };
  });
}
