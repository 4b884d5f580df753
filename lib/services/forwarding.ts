import type { Database } from "@/db/client";
import { appendEvents, findConversation, listMessages, type Conversation } from "@/db/queries/conversations";
import { claimDueEscalations, markDelivered, markFailed, requeueNow, scheduleRetry, type Escalation } from "@/db/queries/forwarding";
import { env } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { DestinationId, OutboundDelivery, TicketRequest } from "@/lib/helpdesks/adapter";
import { destinationAdapter } from "@/lib/helpdesks/registry";
import { RateLimiter } from "@/lib/http/rate-limit";
import { ticketBody, ticketSubject } from "@/lib/services/ticket-body";

export type ForwardingPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number };

export const forwardingPolicy = (): ForwardingPolicy => ({
  maxAttempts: env().FORWARDING_MAX_ATTEMPTS,
  baseDelayMs: env().FORWARDING_BACKOFF_MS,
  maxDelayMs: 10 * 60_000,
  leaseMs: 60_000,
});

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, policy: ForwardingPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// Outbound budgets per destination account, per process, so Baton stays under each destination's limits.
const globalLimits = globalThis as unknown as { batonOutbound?: Map<DestinationId, RateLimiter> };
function budgetOf(id: DestinationId, outbound: OutboundDelivery): RateLimiter {
  globalLimits.batonOutbound ??= new Map();
  let limiter = globalLimits.batonOutbound.get(id);
  if (!limiter) {
    const { requests, windowMs } = outbound.budget();
    limiter = new RateLimiter(requests, windowMs);
    globalLimits.batonOutbound.set(id, limiter);
  }
  return limiter;
}

async function ticketRequest(db: Database, escalation: Escalation, conversation: Conversation): Promise<TicketRequest> {
  const transcript = await listMessages(db, { accountId: escalation.accountId, conversationId: conversation.id });
  const email = conversation.shopperEmail ?? "";
  return {
    accountId: escalation.accountId,
    idempotencyKey: escalation.id,
    externalId: conversation.id,
    requester: { name: conversation.shopperName ?? (email || conversation.shopperPhone || "Shopper"), email, phone: conversation.shopperPhone },
    subject: ticketSubject(conversation),
    body: ticketBody(conversation, transcript),
    tags: ["baton", conversation.channel],
    sentAt: conversation.createdAt,
    // Web chat continues by email, SMS by SMS (brief, fact 3), unless the destination says otherwise.
    followUp: destinationAdapter(escalation.destination).followUp[conversation.channel],
  };
}

export type Outcome = "delivered" | "retrying" | "deferred" | "failed" | "abandoned";

/**
 * One attempt at a claimed job. `abandoned()` lets a stopping worker drop the result of a call in
 * flight, exactly as a crash would: the job is then reclaimed when its lease ends, and the
 * lookup-before-create (plus Zendesk's idempotency key) keeps that from making a second ticket.
 */
export async function processEscalation(
  db: Database,
  escalation: Escalation,
  options: { policy?: ForwardingPolicy; abandoned?: () => boolean } = {},
): Promise<Outcome> {
  const policy = options.policy ?? forwardingPolicy();
  const key = { accountId: escalation.accountId, id: escalation.conversationId };
  const { outbound } = destinationAdapter(escalation.destination);
  if (!outbound) return "delivered";
  const wait = budgetOf(escalation.destination, outbound).hit(escalation.accountId);
  if (wait) {
    await scheduleRetry(db, escalation.id, { at: new Date(Date.now() + wait * 1000), lastError: escalation.lastError, refundAttempt: true });
    return "deferred";
  }
  const conversation = await findConversation(db, key);
  if (!conversation) {
    await markFailed(db, escalation.id, "The conversation no longer exists.");
    return "failed";
  }
  try {
    // After an attempt whose outcome Baton never learned (a timeout, a crash), the ticket may exist.
    const ticket = await outbound.createTicket(db, await ticketRequest(db, escalation, conversation), { mayExist: escalation.attempts > 1 });
    if (options.abandoned?.()) return "abandoned";
    if (await markDelivered(db, escalation.id, { id: String(ticket.id), url: ticket.url })) {
      await appendEvents(db, key, [{ type: "ticket_created", data: { destination: escalation.destination, ticketId: String(ticket.id) } }]);
    }
    return "delivered";
  } catch (error) {
    if (options.abandoned?.()) return "abandoned";
    const failure = outbound.classify(error);
    const notConnected = isAppError(error) && error.message === "not_connected";
    if (!failure && !isAppError(error)) console.error(`[forwarding] escalation ${escalation.id}`, error);
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const gaveUp = notConnected || failure?.kind === "permanent" || failure?.kind === "credentials_refused";
    if (gaveUp || escalation.attempts >= policy.maxAttempts) {
      await markFailed(db, escalation.id, isAppError(error) ? "The helpdesk is no longer connected." : message);
      return "failed";
    }
    const asked = failure && (failure.kind === "retry" || failure.kind === "rate_limited") ? failure.waitMs : 0;
    await scheduleRetry(db, escalation.id, { at: new Date(Date.now() + Math.max(asked, backoffMs(escalation.attempts, policy))), lastError: message });
    return "retrying";
  }
}

/** Delivers a just-queued escalation now, if no worker has claimed it (the worker retries it otherwise). */
export async function deliverNow(db: Database, escalationId: string): Promise<Outcome | null> {
  const policy = forwardingPolicy();
  const [claimed] = await claimDueEscalations(db, { limit: 1, leaseMs: policy.leaseMs, ids: [escalationId] });
  return claimed ? processEscalation(db, claimed, { policy }) : null;
}

/** The merchant's "Retry now" on a failed or waiting delivery of their account: due at once, and one attempt right away. */
export async function retryDelivery(db: Database, params: { accountId: string; id: string }): Promise<Outcome | null> {
  if (!(await requeueNow(db, params))) throw new AppError("not_found", "not_found");
  return deliverNow(db, params.id);
}
