import "server-only";
import { Webhook } from "standardwebhooks";
import type { Database } from "@/db/client";
import { listAdminEmails } from "@/db/queries/outbox/helpdesk-incidents";
import { logOutboxAttempt } from "@/db/queries/outbox";
import {
  disableEndpoint,
  findEndpoint,
  finishWebhookAttempt,
  markEndpointHealthy,
  recordEndpointFailure,
  type WebhookDelivery,
  type WebhookEndpoint,
} from "@/db/queries/webhooks";
import { open } from "@/lib/crypto";
import { sendEmail, smtpConfigured } from "@/lib/email/smtp";
import { env } from "@/lib/env";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { defaultLocale, matchLocale, supportedLocales } from "@/lib/i18n/locales";
import { logFailure } from "@/lib/log-failure";
import { retryAt, type OutboxPolicy } from "@/lib/outbox/policy";
import { postWebhook, retryAfterMs, WebhookPostError, type Resolver } from "@/lib/webhooks/post";
import { createTranslator } from "next-intl";

/** Webhooks: transient failures retried for 24 hours, 5 s doubling to an hour, with jitter. */
export const webhookPolicy = (): OutboxPolicy => ({
  maxAttempts: Number.POSITIVE_INFINITY,
  retryForMs: 24 * 3_600_000,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  // Longer than the 10 s timeout: a lease never ends while its attempt can still be answered.
  leaseMs: 30_000,
});

/** An endpoint failing this long (every attempt since, no success) is paused and its admins emailed. */
export const PAUSE_AFTER_MS = 3 * 24 * 3_600_000;

export type WebhookOutcome = "delivered" | "retrying" | "failed" | "disabled" | "skipped" | "abandoned";

/** The signing secrets in force: the current one, and the previous one for 24 hours after a rotation. */
export function signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  const current = open({ ciphertext: endpoint.secretCiphertext, keyId: endpoint.secretKeyId });
  const previous =
    endpoint.previousSecretCiphertext && endpoint.previousSecretKeyId && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now
      ? open({ ciphertext: endpoint.previousSecretCiphertext, keyId: endpoint.previousSecretKeyId })
      : null;
  return previous ? [current, previous] : [current];
}

/** Standard Webhooks headers: one `v1,` signature per secret in force, space-separated. */
export function signedHeaders(secrets: string[], eventId: string, body: string, at: Date): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(" "),
  };
}

type Attempt = { outcome: WebhookOutcome; statusCode: number | null; excerpt: string; durationMs: number | null };

/**
 * One attempt at a claimed delivery: signed, POSTed, its answer recorded. 2xx delivers; 410
 * disables the endpoint (the receiver says it is gone); a refused URL or address fails at once;
 * anything else is retried with backoff (never sooner than Retry-After) until 24 hours have passed.
 * At least once: a worker killed after the receiver answered sends it again when the lease ends,
 * with the same `webhook-id`, so receivers deduplicate.
 */
export async function processWebhook(
  db: Database,
  delivery: WebhookDelivery,
  options: { policy?: OutboxPolicy; killed?: AbortSignal; resolve?: Resolver } = {},
): Promise<WebhookOutcome> {
  const policy = options.policy ?? webhookPolicy();
  const endpoint = await findEndpoint(db, { accountId: delivery.accountId, id: delivery.endpointId });
  if (!endpoint) return "skipped";
  const attempt: Attempt & { retryAfter?: string | null } = endpoint.state === "enabled" ? await attemptPost(delivery, endpoint, options) : notSent(endpoint);
  if (attempt.outcome === "abandoned") return "abandoned";
  const record = { statusCode: attempt.statusCode, excerpt: attempt.excerpt, durationMs: attempt.durationMs };
  const now = new Date();
  let outcome = attempt.outcome;
  if (outcome === "delivered" || outcome === "failed" || outcome === "disabled" || outcome === "skipped") {
    await finishWebhookAttempt(db, delivery.id, record, { status: outcome === "delivered" ? "delivered" : "failed" });
    if (outcome === "delivered" && endpoint.failingSince) await markEndpointHealthy(db, endpoint.id);
    if (outcome === "disabled") await disableEndpoint(db, endpoint.id);
  } else {
    const retryUntil = delivery.retryUntil ?? new Date(now.getTime() + (policy.retryForMs ?? 0));
    if (now >= retryUntil) {
      outcome = "failed";
      await finishWebhookAttempt(db, delivery.id, record, { status: "failed" });
    } else {
      const asked = attempt.outcome === "retrying" ? retryAfterMs(attempt.retryAfter ?? null) : 0;
      await finishWebhookAttempt(db, delivery.id, record, { status: "queued", retryAt: retryAt(delivery.attempts, policy, asked), retryUntil });
    }
    if (await recordEndpointFailure(db, { id: endpoint.id, now, pauseBefore: new Date(now.getTime() - PAUSE_AFTER_MS) })) {
      await emailAdminsPaused(db, endpoint);
    }
  }
  await logOutboxAttempt(db, {
    accountId: delivery.accountId,
    kind: "webhook",
    jobId: delivery.id,
    attempt: delivery.attempts,
    outcome,
    error: outcome === "delivered" ? null : `${attempt.statusCode ?? "-"} ${attempt.excerpt.slice(0, 200)}`,
  });
  return outcome;
}

const notSent = (endpoint: WebhookEndpoint): Attempt => ({
  outcome: "skipped",
  statusCode: null,
  excerpt: `Not sent: the endpoint is ${endpoint.state}.`,
  durationMs: null,
});

async function attemptPost(
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  options: { killed?: AbortSignal; resolve?: Resolver },
): Promise<Attempt & { retryAfter?: string | null }> {
  const body = JSON.stringify(delivery.payload);
  const started = performance.now();
  try {
    const headers = signedHeaders(signingSecrets(endpoint, new Date()), delivery.eventId, body, new Date());
    const answer = await postWebhook(endpoint.url, body, headers, {
      allowPrivate: env().ALLOW_PRIVATE_WEBHOOKS,
      timeoutMs: env().WEBHOOK_TIMEOUT_MS,
      signal: options.killed,
      resolve: options.resolve,
    });
    if (options.killed?.aborted) return { outcome: "abandoned", statusCode: null, excerpt: "", durationMs: null };
    const base = { statusCode: answer.status, excerpt: answer.excerpt, durationMs: answer.durationMs, retryAfter: answer.retryAfter };
    if (answer.status >= 200 && answer.status < 300) return { ...base, outcome: "delivered" };
    if (answer.status === 410) return { ...base, outcome: "disabled" };
    return { ...base, outcome: "retrying" };
  } catch (error) {
    if (options.killed?.aborted) return { outcome: "abandoned", statusCode: null, excerpt: "", durationMs: null };
    const durationMs = Math.round(performance.now() - started);
    if (!(error instanceof WebhookPostError)) {
      logFailure(`webhook ${delivery.id}`, error);
      return { outcome: "retrying", statusCode: null, excerpt: "Unexpected error while sending.", durationMs };
    }
    const refused = error.kind === "refused_url" || error.kind === "refused_address";
    return { outcome: refused ? "failed" : "retrying", statusCode: null, excerpt: error.message, durationMs };
  }
}

/** The endpoint was paused after failing for 3 days: every admin is told, in their language. */
async function emailAdminsPaused(db: Database, endpoint: WebhookEndpoint) {
  if (!smtpConfigured()) return;
  try {
    for (const admin of await listAdminEmails(db, { accountId: endpoint.accountId })) {
      const locale = matchLocale(supportedLocales, admin.locale ?? defaultLocale) ?? defaultLocale;
      const t = createTranslator({ locale, messages: await dashboardMessages(locale), namespace: "webhooks" });
      await sendEmail({
        to: admin.email,
        subject: t("pausedEmail.subject"),
        text: t("pausedEmail.body", { url: endpoint.url }),
        messageId: `<webhook-paused-${endpoint.id}-${Date.now()}-${Buffer.from(admin.email).toString("hex")}@baton>`,
      });
    }
  } catch (error) {
    logFailure("webhook paused email", error);
  }
}
