import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";

export const webhookEndpointStateEnum = pgEnum("webhook_endpoint_state", ["enabled", "paused", "disabled"]);
export type WebhookEndpointState = (typeof webhookEndpointStateEnum.enumValues)[number];

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["queued", "delivered", "failed"]);
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatusEnum.enumValues)[number];

/**
 * Where an account's events go (Settings → Webhooks, admins). The signing secret is sealed
 * (lib/crypto), never stored readable: the worker opens it to sign. After a rotation the previous
 * secret keeps signing beside the new one until `previousSecretExpiresAt`, so receivers can switch.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    url: text("url").notNull(),
    /** The event types it receives (`ping` always goes, on demand). */
    events: text("events").array().notNull(),
    /** enabled; paused (by an admin, or after failing for 3 days); disabled (the receiver answered 410). */
    state: webhookEndpointStateEnum("state").notNull().default("enabled"),
    /** Why it is paused or disabled: `admin`, `failing`, `gone`. */
    stateReason: text("state_reason"),
    secretCiphertext: text("secret_ciphertext").notNull(),
    secretKeyId: text("secret_key_id").notNull(),
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretKeyId: text("previous_secret_key_id"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    /** The first failure since the last success: 3 days of failing pauses the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId, t.createdAt)],
);

/**
 * One event for one endpoint: the outbox job, written in the transaction of the change that caused
 * it. `eventId` is the `webhook-id` header, the same on every attempt and on a Resend, so receivers
 * deduplicate; `payload` is the exact JSON body signed and sent.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    /** The first 1 KB of the receiver's answer (or Baton's reason when there was none). */
    responseExcerpt: text("response_excerpt"),
    durationMs: integer("duration_ms"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Transient failures are retried until then (24 hours from the first failure). */
    retryUntil: timestamp("retry_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
  ],
);
