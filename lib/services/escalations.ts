import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { appendEvents, insertConversation } from "@/db/queries/conversations";
import { claimIdempotencyKey, storeIdempotentResponse } from "@/db/queries/escalations";
import type { ShopperTexts } from "@/lib/i18n/shopper-texts";
import { getHandoffState } from "@/lib/services/handoff-settings";
import { applyHandoff } from "@/lib/services/handoff-rules";
import type { EscalationInput } from "@/lib/validation/widget";
import type { EscalationResult } from "@/lib/widget/contract";
import { AppError } from "@/lib/errors";

/** A stable hash of the request body: the same key must come with the same body. */
function hashBody(input: EscalationInput): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  return createHash("sha256")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}

/**
 * `POST /escalations`, for callers that hold the conversation themselves (e.g. an SMS gateway):
 * records the conversation with its full transcript and applies the same handoff rules as the
 * widget, all in one transaction. The Idempotency-Key is claimed first in that transaction, so a
 * retry (even ten at once) gets the first answer and creates nothing; the same key with another
 * body is refused. Preconditions that create nothing (consent, email) are checked up front.
 */
export async function createEscalation(
  db: Database,
  params: { accountId: string; idempotencyKey: string; input: EscalationInput; texts: ShopperTexts },
): Promise<{ status: number; body: EscalationResult; replayed: boolean }> {
  const { input } = params;
  const requestHash = hashBody(input);
  return db.transaction(async (tx) => {
    const earlier = await claimIdempotencyKey(tx, { accountId: params.accountId, key: params.idempotencyKey, requestHash });
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new AppError("idempotency_key_reused", "This Idempotency-Key was used with a different request body.");
      }
      return { status: earlier.responseStatus ?? 200, body: earlier.responseBody as EscalationResult, replayed: true };
    }

    const { settings } = await getHandoffState(tx, params.accountId);
    if (settings.method === "helpdesk") {
      if (input.channel === "web_chat" && input.consent === undefined) {
        throw new AppError("consent_required", "Web chat handoffs need the shopper's consent: send consent: true (or false if declined).");
      }
      const identified = input.shopper.email || (input.channel === "sms" && input.shopper.phone);
      if (input.consent !== false && !identified) {
        throw new AppError("email_required", "Send the shopper's email (or, for SMS, phone) before escalating.", { "shopper.email": ["email_required"] });
      }
    }

    const conversation = await insertConversation(tx, {
      accountId: params.accountId,
      channel: input.channel,
      shopperEmail: input.shopper.email ?? null,
      shopperPhone: input.shopper.phone ?? null,
      shopperProfileId: input.shopper.profileId ?? null,
      shopperName: input.shopper.name ?? null,
      reason: input.reason ?? null,
      locale: params.texts.locale,
    });
    await appendEvents(
      tx,
      conversation,
      input.transcript.map((m) => ({ type: "message" as const, author: m.role, text: m.text, at: new Date(m.at) })),
    );
    const reason = input.reason ?? [...input.transcript].reverse().find((m) => m.role === "shopper")?.text ?? null;
    const decision = await applyHandoff(tx, { conversation, consent: input.consent ?? true, reason, texts: params.texts });

    const body: EscalationResult = {
      conversationId: conversation.id,
      escalationId: "escalationId" in decision ? decision.escalationId : null,
      outcome: decision.kind === "handed_to_inbox" || decision.kind === "ticket_queued" || decision.kind === "message_shown" ? decision.kind : "declined",
      destination: decision.kind === "ticket_queued" ? decision.destination : decision.kind === "handed_to_inbox" ? "baton_inbox" : null,
      followUp: decision.kind === "ticket_queued" || decision.kind === "handed_to_inbox" ? decision.followUp : null,
      message: decision.kind === "message_shown" ? { text: decision.text, links: decision.links } : null,
      humanAvailable: decision.kind === "handed_to_inbox" ? decision.humanAvailable : null,
      nextOpeningAt: decision.kind === "handed_to_inbox" ? (decision.nextOpeningAt?.toISOString() ?? null) : null,
      autoReply: decision.kind === "handed_to_inbox" ? decision.autoReply : null,
    };
    const status = body.escalationId ? 201 : 200;
    await storeIdempotentResponse(tx, { accountId: params.accountId, key: params.idempotencyKey, status, body });
    return { status, body, replayed: false };
  });
}
