import type { Database } from "@/db/client";
import { appendEvents, findConversation, listMessages, type Conversation } from "@/db/queries/conversations";
import { claimDueEscalations, markDelivered, markFailed, scheduleRetry, type Escalation } from "@/db/queries/forwarding";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { createGorgiasTicket, findGorgiasTicketsByExternalId } from "@/lib/helpdesks/gorgias";
import { isHelpdeskError, type HelpdeskErrorKind } from "@/lib/helpdesks/request";
import { createZendeskTicket, findZendeskTicketsByExternalId } from "@/lib/helpdesks/zendesk";
import { RateLimiter } from "@/lib/http/rate-limit";
import { gorgiasConnectionFor, zendeskConnectionFor } from "@/lib/services/helpdesk-credentials";
import { ticketBody, ticketSubject } from "@/lib/services/ticket-body";
import { logFailure } from "@/lib/log-failure";

export type ForwardingPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; leaseMs: number };

export const forwardingPolicy = (): ForwardingPolicy => ({
  maxAttempts: env().FORWARDING_MAX_ATTEMPTS,
  baseDelayMs: env().FORWARDING_BACKOFF_MS,
  maxDelayMs: 10 * 60_000,
  leaseMs: 60_000,
});

/** Failures that waiting will not fix: the escalation goes to Baton Inbox at once. */
const permanent = new Set<HelpdeskErrorKind>(["invalid_credentials", "insufficient_role", "not_found_account", "invalid_request"]);

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries spread out. */
export function backoffMs(attempt: number, policy: ForwardingPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

// Outbound budgets per helpdesk account, per process, so Baton stays under the helpdesk's limits.
const globalLimits = globalThis as unknown as { batonOutbound?: { zendesk: RateLimiter; gorgias: RateLimiter } };
function outbound() {
  globalLimits.batonOutbound ??= {
    zendesk: new RateLimiter(env().ZENDESK_REQUESTS_PER_MINUTE, 60_000),
    gorgias: new RateLimiter(env().GORGIAS_REQUESTS_PER_20S, 20_000),
  };
  return globalLimits.batonOutbound;
}

async function send(db: Database, escalation: Escalation, conversation: Conversation) {
  const transcript = await listMessages(db, { accountId: escalation.accountId, conversationId: conversation.id });
  const email = conversation.shopperEmail ?? "";
  const name = conversation.shopperName ?? (email || conversation.shopperPhone || "Shopper");
  const subject = ticketSubject(conversation);
  const body = ticketBody(conversation, transcript);
  const tags = ["baton", conversation.channel];
  // After an attempt whose outcome Baton never learned (a timeout, a crash), the ticket may exist:
  // look it up by Baton's conversation id before creating one.
  const retried = escalation.attempts > 1;
  if (escalation.destination === "zendesk") {
    const create = async (forceRefresh: boolean) => {
      const connection = await zendeskConnectionFor(db, escalation.accountId, new Date(), { forceRefresh });
      if (retried) {
        const [existing] = await findZendeskTicketsByExternalId(connection, conversation.id);
        if (existing) return existing;
      }
      return createZendeskTicket(connection, {
        requester: { name, email },
        subject,
        comment: { body, public: false },
        tags,
        externalId: conversation.id,
        idempotencyKey: escalation.id,
      });
    };
    try {
      return await create(false);
    } catch (error) {
      // An OAuth token revoked or expired early: refresh once, then try again.
      if (isHelpdeskError(error) && error.kind === "invalid_credentials") return create(true);
      throw error;
    }
  }
  const connection = await gorgiasConnectionFor(db, escalation.accountId);
  if (retried) {
    const [existing] = await findGorgiasTicketsByExternalId(connection, conversation.id);
    if (existing) return existing;
  }
  return createGorgiasTicket(connection, {
    customer: { email, name },
    subject,
    messages: [{ bodyText: body, sentAt: conversation.createdAt }],
    tags,
    externalId: conversation.id,
    // Web chat continues by email, SMS by SMS (brief, fact 3).
    channel: conversation.channel === "sms" ? "sms" : "email",
    phone: conversation.shopperPhone ?? undefined,
  });
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
  if (escalation.destination === "baton_inbox") return "delivered";
  const wait = outbound()[escalation.destination].hit(escalation.accountId);
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
    const ticket = await send(db, escalation, conversation);
    if (options.abandoned?.()) return "abandoned";
    if (await markDelivered(db, escalation.id, { id: String(ticket.id), url: ticket.url })) {
      await appendEvents(db, key, [{ type: "ticket_created", data: { destination: escalation.destination, ticketId: String(ticket.id) } }]);
    }
    return "delivered";
  } catch (error) {
    if (options.abandoned?.()) return "abandoned";
    const message = error instanceof Error ? error.message : String(error);
    const isPermanent = (isHelpdeskError(error) && permanent.has(error.kind)) || (isAppError(error) && error.message === "not_connected");
    if (!isHelpdeskError(error) && !isAppError(error)) logFailure(`forwarding escalation ${escalation.id}`, error);
    if (isPermanent || escalation.attempts >= policy.maxAttempts) {
      await markFailed(db, escalation.id, isAppError(error) ? "The helpdesk is no longer connected." : message);
      return "failed";
    }
    const retryAfterMs = isHelpdeskError(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
    const delay = Math.max(retryAfterMs, backoffMs(escalation.attempts, policy));
    await scheduleRetry(db, escalation.id, { at: new Date(Date.now() + delay), lastError: message });
    return "retrying";
  }
}

/** Delivers a just-queued escalation now, if no worker has claimed it (the worker retries it otherwise). */
export async function deliverNow(db: Database, escalationId: string): Promise<Outcome | null> {
  const policy = forwardingPolicy();
  const [claimed] = await claimDueEscalations(db, { limit: 1, leaseMs: policy.leaseMs, ids: [escalationId] });
  return claimed ? processEscalation(db, claimed, { policy }) : null;
}
