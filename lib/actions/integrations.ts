"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { disconnectHelpdesk } from "@/lib/services/disconnect-destination";
import { sendTestTicket } from "@/lib/services/test-ticket";
import { retryDelivery } from "@/lib/services/escalation-delivery";
import { retryAllFailed } from "@/lib/services/deliveries";
import { connectableDestinationSchema as providerSchema } from "@/lib/helpdesks/registry";
import { escalationIdSchema } from "@/lib/validation/integrations";
import { formFields as fields, refreshDestinations as refresh } from "@/lib/actions/connect-destination";

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

export async function disconnectHelpdeskAction(_: ActionResult<{ fellBack: boolean }> | null, form: FormData): Promise<ActionResult<{ fellBack: boolean }>> {
  return runAction({ name: "disconnectHelpdesk", role: "admin", schema: providerSchema, input: fields(form, ["provider"]) }, async (member, input) => {
    const result = await disconnectHelpdesk(await getDb(), member, input.provider);
    refresh();
    return result;
  });
}

/** "Retry now" on a delivery: due at once, and one attempt right away. */
export async function retryDeliveryAction(
  _: ActionResult<{ outcome: string | null }> | null,
  form: FormData,
): Promise<ActionResult<{ outcome: string | null }>> {
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
