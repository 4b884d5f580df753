"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { allowOrigin, disallowOrigin, rotateKey } from "@/lib/services/widget-keys";
import { originFormSchema, rotateKeySchema } from "@/lib/validation/widget";

const path = "/customer-agent/settings/widget";

/**
 * Issues a new key of that kind; the previous one stops working at once. A new secret key is
 * returned once, to be shown once; it is never stored in a readable form.
 */
export async function rotateKeyAction(_: ActionResult<{ kind: string; key: string | null }> | null, form: FormData) {
  return runAction({ name: "rotateKey", role: "admin", schema: rotateKeySchema, input: { kind: form.get("kind") } }, async (member, input) => {
    const key = await rotateKey(await getDb(), { accountId: member.accountId, kind: input.kind });
    revalidatePath(path);
    return { kind: input.kind, key: input.kind === "secret" ? key : null };
  });
}

export async function addOriginAction(_: ActionResult<{ origin: string }> | null, form: FormData) {
  return runAction({ name: "addOrigin", role: "admin", schema: originFormSchema, input: { origin: form.get("origin") ?? "" } }, async (member, input) => {
    await allowOrigin(await getDb(), { accountId: member.accountId, origin: input.origin });
    revalidatePath(path);
    return { origin: input.origin };
  });
}

export async function removeOriginAction(_: ActionResult<{ origin: string }> | null, form: FormData) {
  return runAction({ name: "removeOrigin", role: "admin", schema: originFormSchema, input: { origin: form.get("origin") ?? "" } }, async (member, input) => {
    await disallowOrigin(await getDb(), { accountId: member.accountId, origin: input.origin });
    revalidatePath(path);
    return { origin: input.origin };
  });
}
