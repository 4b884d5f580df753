"use server";

import { getDb } from "@/db/client";
import { formFields as fields, refreshDestinations as refresh, type Connected } from "@/lib/actions/connect-destination";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { connectZendeskWithToken, startZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { zendeskOAuthStartSchema, zendeskTokenSchema } from "@/lib/helpdesks/zendesk/schemas";

/** Verifies an existing Zendesk API token (the retiring path) and stores it sealed. */
export async function connectZendeskTokenAction(_: ActionResult<Connected> | null, form: FormData): Promise<ActionResult<Connected>> {
  return runAction(
    { name: "connectZendeskToken", role: "admin", schema: zendeskTokenSchema, input: fields(form, ["subdomain", "email", "token"]) },
    async (member, input) => {
      const result = await connectZendeskWithToken(await getDb(), member, input);
      refresh();
      return result;
    },
  );
}

/** Starts Zendesk OAuth; the browser then goes to the returned consent page. */
export async function startZendeskOAuthAction(_: ActionResult<{ url: string }> | null, form: FormData): Promise<ActionResult<{ url: string }>> {
  return runAction(
    { name: "startZendeskOAuth", role: "admin", schema: zendeskOAuthStartSchema, input: fields(form, ["subdomain", "returnTo"]) },
    async (member, input) => ({ url: await startZendeskOAuth(await getDb(), member, input) }),
  );
}
