import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import {
  deleteEndpoint as deleteEndpointRow,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  replaceSecret,
  requeueDelivery,
  setEndpointState,
} from "@/db/queries/webhooks";
import { seal } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordPing } from "@/lib/services/webhook-events";
import type { CreateEndpointInput, EndpointView } from "@/lib/validation/webhooks";

export type { EndpointView };
import { checkWebhookUrl } from "@/lib/webhooks/address-policy";

/** After a rotation the previous secret signs beside the new one this long, so receivers can switch. */
export const PREVIOUS_SECRET_VALID_MS = 24 * 3_600_000;

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

const viewOf = (e: Awaited<ReturnType<typeof listEndpoints>>[number]): EndpointView => ({
  id: e.id,
  url: e.url,
  events: e.events,
  state: e.state,
  stateReason: e.stateReason,
  failingSince: e.failingSince?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

type Scope = { accountId: string; id: string };

/** The account's endpoints, secrets left out. */
export async function webhookEndpoints(db: Database, accountId: string): Promise<EndpointView[]> {
  return (await listEndpoints(db, accountId)).map(viewOf);
}

export async function webhookEndpoint(db: Database, scope: Scope): Promise<EndpointView> {
  const endpoint = await findEndpoint(db, scope);
  if (!endpoint) throw new AppError("not_found", "not_found");
  return viewOf(endpoint);
}

/**
 * Adds an endpoint. Only https URLs (http to loopback when ALLOW_PRIVATE_WEBHOOKS is on); the
 * addresses are checked again at every delivery, where it matters (DNS can change). Returns the
 * signing secret, the only time it is readable outside the worker.
 */
export async function createWebhookEndpoint(db: Database, params: { accountId: string; input: CreateEndpointInput }) {
  const verdict = checkWebhookUrl(params.input.url, { allowPrivate: env().ALLOW_PRIVATE_WEBHOOKS });
  if (!verdict.ok) throw new AppError("validation_failed", verdict.reason, { url: [verdict.reason] });
  const secret = newSecret();
  const sealed = seal(secret);
  const endpoint = await insertEndpoint(db, {
    accountId: params.accountId,
    url: verdict.url.toString(),
    events: [...new Set(params.input.events)],
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
  });
  return { endpoint: viewOf(endpoint), secret };
}

/** A new secret; the previous one keeps signing (a second v1 signature) for 24 hours. */
export async function rotateWebhookSecret(db: Database, scope: Scope, now = new Date()): Promise<string> {
  const secret = newSecret();
  if (!(await replaceSecret(db, scope, seal(secret), new Date(now.getTime() + PREVIOUS_SECRET_VALID_MS)))) throw new AppError("not_found", "not_found");
  return secret;
}

/** Pause or enable by hand; enabling also lifts a pause for failing or a 410's disable. */
export async function setWebhookState(db: Database, scope: Scope & { state: "enabled" | "paused" }) {
  if (!(await setEndpointState(db, scope, scope.state, scope.state === "paused" ? "admin" : null))) throw new AppError("not_found", "not_found");
}

export async function deleteWebhookEndpoint(db: Database, scope: Scope) {
  if (!(await deleteEndpointRow(db, scope))) throw new AppError("not_found", "not_found");
}

/** Send test event: a `ping` queued for this endpoint (the outbox is woken by its insert). */
export async function sendTestEvent(db: Database, scope: Scope) {
  await webhookEndpoint(db, scope);
  return recordPing(db, { accountId: scope.accountId, endpointId: scope.id });
}

export type DeliveryView = {
  id: string;
  eventId: string;
  type: string;
  status: "queued" | "delivered" | "failed";
  statusCode: number | null;
  excerpt: string | null;
  durationMs: number | null;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
};

/** An endpoint's delivery log (the newest 50), within the account. */
export async function webhookDeliveryLog(db: Database, scope: Scope): Promise<{ endpoint: EndpointView; deliveries: DeliveryView[] }> {
  const endpoint = await webhookEndpoint(db, scope);
  const rows = await listDeliveries(db, { accountId: scope.accountId, endpointId: scope.id, limit: 50 });
  return {
    endpoint,
    deliveries: rows.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      type: d.type,
      status: d.status,
      statusCode: d.lastStatusCode,
      excerpt: d.responseExcerpt,
      durationMs: d.durationMs,
      attempts: d.attempts,
      nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
      createdAt: d.createdAt.toISOString(),
    })),
  };
}

/** Resend: the same delivery (same webhook-id, same payload) due again now, with a new 24-hour window. */
export async function resendDelivery(db: Database, scope: Scope) {
  if (!(await requeueDelivery(db, scope))) throw new AppError("not_found", "not_found");
}
