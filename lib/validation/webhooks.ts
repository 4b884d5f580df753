import { z } from "zod";

/** The events an endpoint can subscribe to; `ping` is sent on demand, to one endpoint. */
export const webhookEventTypes = [
  "handoff.created",
  "escalation.delivered",
  "escalation.failed",
  "conversation.claimed",
  "conversation.agent_replied",
  "conversation.closed",
  "handoff_settings.updated",
] as const;
export type SubscribableEvent = (typeof webhookEventTypes)[number];

/** The URL's shape only; whether its scheme and host are allowed is the address policy's call (lib/webhooks). */
export const createEndpointSchema = z.object({
  url: z.string().trim().min(1, "invalid_url").max(2000, "invalid_url"),
  events: z.array(z.enum(webhookEventTypes)).min(1, "events_required"),
});
export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;

export const endpointIdSchema = z.object({ id: z.uuid() });
export const endpointStateSchema = z.object({ id: z.uuid(), state: z.enum(["enabled", "paused"]) });
export const deliveryIdSchema = z.object({ id: z.uuid() });

/** An endpoint as the Webhooks tab shows it (never its secrets). */
export type EndpointView = {
  id: string;
  url: string;
  events: string[];
  state: "enabled" | "paused" | "disabled";
  stateReason: string | null;
  failingSince: string | null;
  createdAt: string;
};
