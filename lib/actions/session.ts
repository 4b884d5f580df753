"use server";

import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { signOutEverywhere } from "@/lib/services/sessions";
import { emptySchema } from "@/lib/validation/session";

/** Ends every session of the signed-in user (any role); the browser then signs out itself. */
export async function signOutEverywhereAction(): Promise<ActionResult<{ revoked: number }>> {
  return runAction({ name: "signOutEverywhere", schema: emptySchema, input: {} }, async (member) => signOutEverywhere(await getDb(), member));
}
