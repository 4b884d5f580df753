"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { issueIdentitySecret, saveUnverifiedHandoff } from "@/lib/services/shopper-identity";
import { emptySchema } from "@/lib/validation/session";
import { unverifiedHandoffSchema } from "@/lib/validation/shopper-identity";

const path = "/customer-agent/settings/widget";

/** Issues a new identity secret (the previous one stops verifying); returned once, to be shown once. */
export async function rotateIdentitySecretAction(_: ActionResult<{ secret: string }> | null): Promise<ActionResult<{ secret: string }>> {
  return runAction({ name: "rotateIdentitySecret", role: "admin", schema: emptySchema, input: {} }, async (member) => {
    const secret = await issueIdentitySecret(await getDb(), member.accountId);
    revalidatePath(path);
    return { secret };
  });
}

/** Whether shoppers the store did not sign may still reach a human (through the email step). */
export async function saveUnverifiedHandoffAction(_: ActionResult<{ unverifiedHandoff: string }> | null, form: FormData) {
  return runAction(
    { name: "saveUnverifiedHandoff", role: "admin", schema: unverifiedHandoffSchema, input: { unverifiedHandoff: form.get("unverifiedHandoff") } },
    async (member, input) => {
      await saveUnverifiedHandoff(await getDb(), { accountId: member.accountId, unverifiedHandoff: input.unverifiedHandoff });
      revalidatePath(path);
      return input;
    },
  );
}
