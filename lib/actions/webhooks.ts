"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createWebhookEndpoint, deleteWebhookEndpoint, resendDelivery, rotateWebhookSecret, sendTestEvent, setWebhookState } from "@/lib/services/webhooks";
import { createEndpointSchema, deliveryIdSchema, endpointIdSchema, endpointStateSchema } from "@/lib/validation/webhooks";

const path = "/customer-agent/settings/webhooks";

/** Adds an endpoint; its signing secret comes back this once, to be shown once. */
export async function createEndpointAction(_: ActionResult<{ url: string; secret: string }> | null, form: FormData) {
  const input = { url: form.get("url") ?? "", events: form.getAll("events") };
  return runAction({ name: "createWebhookEndpoint", role: "admin", schema: createEndpointSchema, input }, async (member, parsed) => {
    const { endpoint, secret } = await createWebhookEndpoint(await getDb(), { accountId: member.accountId, input: parsed });
    revalidatePath(path);
    return { url: endpoint.url, secret };
  });
}

export async function rotateSecretAction(_: ActionResult<{ secret: string }> | null, form: FormData) {
  return runAction({ name: "rotateWebhookSecret", role: "admin", schema: endpointIdSchema, input: { id: form.get("id") } }, async (member, input) => {
    return { secret: await rotateWebhookSecret(await getDb(), { accountId: member.accountId, id: input.id }) };
  });
}

export async function setEndpointStateAction(_: ActionResult<{ state: string }> | null, form: FormData) {
  const input = { id: form.get("id"), state: form.get("state") };
  return runAction({ name: "setWebhookState", role: "admin", schema: endpointStateSchema, input }, async (member, parsed) => {
    await setWebhookState(await getDb(), { accountId: member.accountId, id: parsed.id, state: parsed.state });
    revalidatePath(path);
    return { state: parsed.state };
  });
}

export async function deleteEndpointAction(_: ActionResult<{ id: string }> | null, form: FormData) {
  return runAction({ name: "deleteWebhookEndpoint", role: "admin", schema: endpointIdSchema, input: { id: form.get("id") } }, async (member, input) => {
    await deleteWebhookEndpoint(await getDb(), { accountId: member.accountId, id: input.id });
    revalidatePath(path);
    return { id: input.id };
  });
}

export async function sendTestEventAction(_: ActionResult<{ eventId: string }> | null, form: FormData) {
  return runAction({ name: "sendWebhookTest", role: "admin", schema: endpointIdSchema, input: { id: form.get("id") } }, async (member, input) => {
    const delivery = await sendTestEvent(await getDb(), { accountId: member.accountId, id: input.id });
    revalidatePath(`${path}/${input.id}`);
    return { eventId: delivery.eventId };
  });
}

export async function resendDeliveryAction(_: ActionResult<{ id: string }> | null, form: FormData) {
  const input = { id: form.get("id") };
  return runAction({ name: "resendWebhook", role: "admin", schema: deliveryIdSchema, input }, async (member, parsed) => {
    await resendDelivery(await getDb(), { accountId: member.accountId, id: parsed.id });
    revalidatePath(path, "layout");
    return { id: parsed.id };
  });
}
