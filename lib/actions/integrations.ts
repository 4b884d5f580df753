"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { confirmEmailCode, requestEmailCode } from "@/lib/helpdesks/email/connect";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { connectZendeskWithToken, startZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { disconnectHelpdesk } from "@/lib/services/disconnect-destination";
import { sendTestTicket } from "@/lib/services/test-ticket";
import { retryDelivery } from "@/lib/services/escalation-delivery";
import { retryAllFailed } from "@/lib/services/deliveries";
import { emailAddressSchema, emailCodeSchema, escalationIdSchema, gorgiasSchema, providerSchema, zendeskOAuthStartSchema, zendeskTokenSchema } from "@/lib/validation/integrations";

type Connected = { site: string; agentEmail: string };
const fields = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, form.get(n) ?? ""]));
const refresh = () => {
  revalidatePath("/integrations");
  revalidatePath("/customer-agent/settings/handoff");
};

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

export async function sendTestTicketAction(
  _: ActionResult<{ id: number | string; url: string }> | null,
  form: FormData,
): Promise<ActionResult<{ id: number | string; url: string }>> {
  return runAction({ name: "sendTestTicket", role: "admin", schema: providerSchema, input: fields(form, ["provider"]) }, async (member, input) => {
    const t = await getTranslations("integrations.testTicket");
    const ticket = await sendTestTicket(await getDb(), { accountId: member.accountId, email: member.email, name: member.name }, input.provider, {
      subject: t("subject"),
      body: t("body", { account: member.accountName }),
    });
    return { id: ticket.id, url: ticket.url };
  });
}

export async function disconnectHelpdeskAction(
  _: ActionResult<{ fellBack: boolean }> | null,
  form: FormData,
): Promise<ActionResult<{ fellBack: boolean }>> {
  return runAction({ name: "disconnectHelpdesk", role: "admin", schema: providerSchema, input: fields(form, ["provider"]) }, async (member, input) => {
    const result = await disconnectHelpdesk(await getDb(), member, input.provider);
    refresh();
    return result;
  });
}

/** "Retry now" on a delivery: due at once, and one attempt right away. */
export async function retryDeliveryAction(_: ActionResult<{ outcome: string | null }> | null, form: FormData): Promise<ActionResult<{ outcome: string | null }>> {
  return runAction({ name: "retryDelivery", role: "admin", schema: escalationIdSchema, input: fields(form, ["id"]) }, async (member, input) => {
    const outcome = await retryDelivery(await getDb(), { accountId: member.accountId, id: input.id });
    revalidatePath("/integrations");
    return { outcome };
  });
}

/** "Retry all failed" for one helpdesk once it works again: every failed delivery is due at once. */
export async function retryAllFailedAction(_: ActionResult<{ requeued: number }> | null, form: FormData): Promise<ActionResult<{ requeued: number }>> {
  return runAction({ name: "retryAllFailed", role: "admin", schema: providerSchema, input: fields(form, ["provider"]) }, async (member, input) => {
    const requeued = await retryAllFailed(await getDb(), { accountId: member.accountId, destination: input.provider });
    revalidatePath("/integrations");
    return { requeued };
  });
}
