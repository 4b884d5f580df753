import "server-only";
import type { Database } from "@/db/client";
import { appendEvents, findConversation, listMessages, type Conversation } from "@/db/queries/conversations";
import {
  claimDueEscalations,
  findEscalationOfConversation,
  markDelivered,
  markFailed,
  requeueNow,
  scheduleRetry,
  type Escalation,
} from "@/db/queries/escalations";
import { recordIncidentFailure, resolveIncident } from "@/db/queries/outbox/helpdesk-incidents";
import { logOutboxAttempt } from "@/db/queries/outbox";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { TicketRequest } from "@/lib/helpdesks/adapter";
import { asDestinationId, destinationAdapter } from "@/lib/helpdesks/registry";
import { retryAt, type OutboxPolicy } from "@/lib/outbox/policy";
import { alertAdminsIfDue } from "@/lib/services/helpdesk-incidents";
import { accountLanguages } from "@/lib/services/shopper-language";
import { requesterName, shopperWords, ticketBody, ticketSubject } from "@/lib/services/ticket-body";
import { logFailure } from "@/lib/log-failure";
import { recordWebhookEvent } from "@/lib/services/webhook-events";

/** Gives up on a job; the `escalation.failed` event commits with it (only if this call failed it). */
async function failEscalation(db: Database, escalation: Escalation, error: string) {
  await db.transaction(async (tx) => {
    if (!(await markFailed(tx, escalation.id, error))) return;
    await recordWebhookEvent(tx, {
      accountId: escalation.accountId,
      type: "escalation.failed",
      conversationId: escalation.conversationId,
      escalationId: escalation.id,
      data: { destination: escalation.destination, error, attempts: escalation.attempts },
    });
  });
}

/**
 * Ticket deliveries: transient failures retried for FORWARDING_RETRY_HOURS whatever their number,
 * the delay doubling from FORWARDING_BACKOFF_MS up to FORWARDING_BACKOFF_MAX_MS.
 */
export const escalationPolicy = (): OutboxPolicy => ({
  maxAttempts: Number.POSITIVE_INFINITY,
  retryForMs: env().FORWARDING_RETRY_HOURS * 3_600_000,
  baseDelayMs: env().FORWARDING_BACKOFF_MS,
  maxDelayMs: env().FORWARDING_BACKOFF_MAX_MS,
  leaseMs: 60_000,
});

async function ticketRequest(db: Database, escalation: Escalation, conversation: Conversation): Promise<TicketRequest> {
  const transcript = await listMessages(db, { accountId: escalation.accountId, conversationId: conversation.id });
  const email = conversation.shopperEmail ?? "";
  // Tickets are written in the account's language; the transcript stays as written.
  const { locale } = await accountLanguages(db, escalation.accountId);
  return {
    accountId: escalation.accountId,
    idempotencyKey: escalation.id,
    externalId: conversation.id,
    requester: { name: requesterName(conversation, locale), email, phone: conversation.shopperPhone },
    subject: ticketSubject(conversation, locale),
    body: ticketBody(conversation, transcript, locale),
    shopperWords: shopperWords(conversation, transcript),
    tags: ["baton", conversation.channel],
    sentAt: conversation.createdAt,
    // Web chat continues by email, SMS by SMS (brief, fact 3), unless the destination says otherwise.
    followUp: destinationAdapter(escalation.destination).followUp[conversation.channel],
    locale,
  };
}

export type Outcome = "delivered" | "retrying" | "deferred" | "failed" | "abandoned";

/**
 * One attempt at a claimed job. `killed` aborts when the worker is killed: the destination cuts
 * its connection if it can and the result is dropped, exactly as a
 * crash would drop it: the job is then reclaimed when its lease ends, and the lookup-before-create
 * (plus whatever the destination deduplicates by: an idempotency key, a stable Message-ID) keeps that from
 * making a second ticket.
 */
export async function processEscalation(db: Database, escalation: Escalation, options: { policy?: OutboxPolicy; killed?: AbortSignal } = {}): Promise<Outcome> {
  const attempt = await attemptDelivery(db, escalation, options.policy ?? escalationPolicy(), options.killed);
  // The attempt log; a worker that stopped mid-call records nothing, exactly like a crash.
  if (attempt.outcome !== "abandoned") {
    await logOutboxAttempt(db, {
      accountId: escalation.accountId,
      kind: "escalation",
      jobId: escalation.id,
      attempt: escalation.attempts,
      outcome: attempt.outcome,
      error: attempt.error,
    });
  }
  return attempt.outcome;
}

async function attemptDelivery(
  db: Database,
  escalation: Escalation,
  policy: OutboxPolicy,
  killed?: AbortSignal,
): Promise<{ outcome: Outcome; error: string | null }> {
  const key = { accountId: escalation.accountId, id: escalation.conversationId };
  const { outbound } = destinationAdapter(escalation.destination);
  if (!outbound) return { outcome: "delivered", error: null };
  const conversation = await findConversation(db, key);
  if (!conversation) {
    const error = "The conversation no longer exists.";
    await failEscalation(db, escalation, error);
    return { outcome: "failed", error };
  }
  try {
    // After an attempt whose outcome Baton never learned (a timeout, a crash), the ticket may exist.
    const ticket = await outbound.createTicket(db, await ticketRequest(db, escalation, conversation), {
      mayExist: escalation.attempts > 1,
      signal: killed,
    });
    if (killed?.aborted) return { outcome: "abandoned", error: null };
    // Recorded before anything else: from the destination's acceptance to this commit, a killed
    // worker leaves a ticket Baton does not know about (for email, a second copy on the retry).
    await db.transaction(async (tx) => {
      if (!(await markDelivered(tx, escalation.id, { id: String(ticket.id), url: ticket.url }))) return;
      await appendEvents(tx, key, [{ type: "ticket_created", data: { destination: escalation.destination, ticketId: String(ticket.id) } }]);
      await recordWebhookEvent(tx, {
        accountId: escalation.accountId,
        type: "escalation.delivered",
        conversationId: escalation.conversationId,
        escalationId: escalation.id,
        data: { destination: escalation.destination, ticket: { id: String(ticket.id), url: ticket.url } },
      });
    });
    await resolveIncident(db, { accountId: escalation.accountId, destination: escalation.destination, at: new Date() });
    return { outcome: "delivered", error: null };
  } catch (error) {
    if (killed?.aborted) return { outcome: "abandoned", error: null };
    const failure = outbound.classify(error);
    const notConnected = isAppError(error) && error.message === "not_connected";
    if (!failure && !isAppError(error)) logFailure(`forwarding escalation ${escalation.id}`, error);
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const gaveUp = notConnected || failure?.kind === "permanent" || failure?.kind === "credentials_refused";
    const now = new Date();
    if (gaveUp) {
      const lastError = notConnected ? "The helpdesk is no longer connected." : message;
      await failEscalation(db, escalation, lastError);
      return { outcome: "failed", error: lastError };
    }
    // A 429 (or Baton's own budget) is the helpdesk working as agreed: wait as asked, no attempt spent.
    if (failure?.kind === "rate_limited") {
      await scheduleRetry(db, escalation.id, { at: new Date(now.getTime() + Math.max(failure.waitMs, 1000)), lastError: message, refundAttempt: true });
      return { outcome: "deferred", error: message };
    }
    const retryUntil = escalation.retryUntil ?? new Date(now.getTime() + (policy.retryForMs ?? Number.POSITIVE_INFINITY));
    if (now >= retryUntil || escalation.attempts >= policy.maxAttempts) {
      await failEscalation(db, escalation, message);
      return { outcome: "failed", error: message };
    }
    const asked = failure?.kind === "retry" ? failure.waitMs : 0;
    await scheduleRetry(db, escalation.id, {
      at: retryAt(escalation.attempts, policy, asked),
      lastError: message,
      retryUntil: Number.isFinite(retryUntil.getTime()) ? retryUntil : undefined,
    });
    await recordIncidentFailure(db, { accountId: escalation.accountId, destination: escalation.destination, error: message, at: now });
    await alertAdminsIfDue(db, { accountId: escalation.accountId, destination: asDestinationId(escalation.destination), now });
    return { outcome: "retrying", error: message };
  }
}

/** Delivers a just-queued escalation now, if no worker has claimed it (the worker retries it otherwise). */
export async function deliverNow(db: Database, escalationId: string): Promise<Outcome | null> {
  const policy = escalationPolicy();
  const [claimed] = await claimDueEscalations(db, { limit: 1, leaseMs: policy.leaseMs, ids: [escalationId] });
  return claimed ? processEscalation(db, claimed, { policy }) : null;
}

/**
 * The merchant's "Retry now" on a failed or waiting delivery of their account: due at once, with
 * a new retry window, and one attempt right away. While a worker is attempting it, nothing more
 * happens (`in_progress`): its attempt's outcome stands.
 */
export async function retryDelivery(db: Database, params: { accountId: string; id: string }): Promise<Outcome | "in_progress" | null> {
  const requeued = await requeueNow(db, params);
  if (!requeued) throw new AppError("not_found", "not_found");
  if (requeued === "busy") return "in_progress";
  return deliverNow(db, params.id);
}

/** "Retry now" from the conversation itself: its escalation's forwarding, in the member's account. */
export async function retryForwardingOfConversation(db: Database, params: { accountId: string; conversationId: string }) {
  const escalation = await findEscalationOfConversation(db, params);
  if (!escalation || !destinationAdapter(escalation.destination).outbound) throw new AppError("not_found", "not_found");
  return retryDelivery(db, { accountId: params.accountId, id: escalation.id });
}
