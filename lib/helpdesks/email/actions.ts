"use server";

import { getDb } from "@/db/client";
import { formFields as fields, refreshDestinations as refresh, type Connected } from "@/lib/actions/connect-destination";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { confirmEmailCode, requestEmailCode } from "@/lib/helpdesks/email/connect";
import { emailAddressSchema, emailCodeSchema } from "@/lib/helpdesks/email/schemas";

/** Email destination, step 1: mails a 6-digit code to the support address. */
export async function requestEmailCodeAction(_: ActionResult<{ address: string }> | null, form: FormData): Promise<ActionResult<{ address: string }>> {
  return runAction({ name: "requestEmailCode", role: "admin", schema: emailAddressSchema, input: fields(form, ["address"]) }, async (member, input) =>
    requestEmailCode(await getDb(), member, input),
  );
}

/** Email destination, step 2: the code from that mailbox connects the address. */
export async function confirmEmailCodeAction(_: ActionResult<Connected> | null, form: FormData): Promise<ActionResult<Connected>> {
  return runAction({ name: "confirmEmailCode", role: "admin", schema: emailCodeSchema, input: fields(form, ["code"]) }, async (member, input) => {
    const result = await confirmEmailCode(await getDb(), member, input);
    refresh();
    return result;
  });
}
