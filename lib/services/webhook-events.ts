import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { findConversation } from "@/db/queries/conversations";
import { findAccountName } from "@/db/queries/accounts/memberships";
import { endpointsFor, insertDeliveries, type WebhookDelivery } from "@/db/queries/webhooks";
import type { SubscribableEvent } from "@/lib/validation/webhooks";

export type WebhookEventType = SubscribableEvent | "ping";

/** The payload's version: receivers branch on it when the shape changes. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export type WebhookEvent = {
  accountId: string;
  type: WebhookEventType;
  conversationId?: string | null;
  escalationId?: string | null;
  /** Event-specific facts (who claimed, the reply's text, the settings' method…). */
  data?: Record<string, unknown>;
};

/** A new event's id: the `webhook-id` of every attempt at it, for every endpoint. */
export const newEventId = () => `evt_${randomUUID().replaceAll("-", "")}`;

async function payloadOf(db: Database, event: WebhookEvent, eventId: string, at: Date) {
  const conversation = event.conversationId ? await findConversation(db, { accountId: event.accountId, id: event.conversationId }) : null;
  return {
    id: eventId,
    type: event.type,
    version: WEBHOOK_PAYLOAD_VERSION,
    timestamp: at.toISOString(),
    account: { id: event.accountId, name: (await findAccountName(db, event.accountId)) ?? null },
    data: {
      conversationId: event.conversationId ?? null,
      escalationId: event.escalationId ?? null,
      shopper: conversation
        ? {
            name: conversation.shopperName,
            email: conversation.shopperEmail,
            phone: conversation.shopperPhone,
            profileId: conversation.shopperProfileId,
            verified: conversation.shopperVerified,
          }
        : null,
      channel: conversation?.channel ?? null,
      ...event.data,
    },
  };
}

/**
 * Records an event for every enabled endpoint that wants it. Call it inside the transaction of
 * the change it describes: the event commits with the change or not at all, and the insert's
 * trigger wakes the outbox when it commits. An account without endpoints pays one indexed read.
 */
export async function recordWebhookEvent(db: Database, event: WebhookEvent): Promise<WebhookDelivery[]> {
  const endpoints = await endpointsFor(db, { accountId: event.accountId, type: event.type });
  if (endpoints.length === 0) return [];
  const eventId = newEventId();
  const payload = await payloadOf(db, event, eventId, new Date());
  return insertDeliveries(
    db,
    endpoints.map((e) => ({ accountId: event.accountId, endpointId: e.id, eventId, type: event.type, payload })),
  );
}

/** A `ping` to one endpoint (Send test event), whatever the events it subscribes to. */
export async function recordPing(db: Database, params: { accountId: string; endpointId: string }): Promise<WebhookDelivery> {
  const eventId = newEventId();
  const payload = await payloadOf(db, { accountId: params.accountId, type: "ping", data: { message: "Baton test event" } }, eventId, new Date());
  const [row] = await insertDeliveries(db, [{ accountId: params.accountId, endpointId: params.endpointId, eventId, type: "ping", payload }]);
  return row!;
}
