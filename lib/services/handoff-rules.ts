import "server-only";
import type { Database } from "@/db/client";
import { appendEvents, updateConversation, type Conversation, type NewEvent } from "@/db/queries/conversations";
import { insertEscalation } from "@/db/queries/escalations";
import { asDestinationId, destinationAdapter, type ConnectableId } from "@/lib/helpdesks/registry";
import type { ShopperTexts } from "@/lib/i18n/shopper-texts";
import { autoReplyText, availabilityOf } from "@/lib/services/availability";
import { repliesFor } from "@/lib/services/business-hours";
import { getHandoffState, messageFor } from "@/lib/services/handoff-settings";
import type { AgentReply, WidgetLink } from "@/lib/widget/contract";
import { identitySettings } from "@/lib/services/shopper-identity";
import { recordWebhookEvent } from "@/lib/services/webhook-events";

export type HandoffDecision =
  | { kind: "message_shown"; text: string; links: WidgetLink[] }
  | { kind: "consent_required"; text: string }
  | { kind: "declined"; text: string }
  | { kind: "email_required"; text: string }
  | {
      kind: "handed_to_inbox";
      text: string;
      escalationId: string;
      /** Whether a human could pick it up at once; if not, the shopper got the auto-reply. */
      humanAvailable: boolean;
      nextOpeningAt: Date | null;
      /** Web chat continues live, or by email when nobody was available; SMS by SMS. */
      followUp: "chat" | "email" | "sms";
      autoReply: string | null;
    }
  | { kind: "ticket_queued"; text: string; escalationId: string; destination: ConnectableId; followUp: "email" | "sms" };

const say = (text: string): NewEvent => ({ type: "message", author: "assistant", text });

/**
 * The handoff rules, applied when the Customer Agent cannot answer (inside the caller's
 * transaction, with the conversation row locked):
 * - method "message": the custom message and links are shown; no human is offered.
 * - method "helpdesk": web chat needs the shopper's consent (undefined: offer it; false: record
 *   the refusal); the shopper must be identified (an email, or for SMS a phone) before anything
 *   is created; then Baton Inbox gets the conversation, or a forwarding job to the outside destination is
 *   recorded and the chat session ends (web chat continues by email, SMS by SMS).
 * - Baton Inbox with nobody available (outside business hours, or every agent away): the shopper
 *   gets the auto-reply with when the team is back, and a web chat continues by email.
 */
export async function applyHandoff(
  db: Database,
  params: { conversation: Conversation; consent?: boolean; email?: string; reason?: string | null; texts: ShopperTexts },
): Promise<HandoffDecision> {
  const { conversation: c, texts } = params;
  const key = { accountId: c.accountId, id: c.id };
  const reason = params.reason ?? c.reason;
  const { settings } = await getHandoffState(db, c.accountId);
  // An account that requires verified shoppers shows its custom message to a widget shopper the
  // store did not sign (servers posting with the secret key are trusted callers).
  const unverifiedRefused = c.tokenHash !== null && !c.shopperVerified && (await identitySettings(db, c.accountId)).unverifiedHandoff === "message";

  if (settings.method === "message" || unverifiedRefused) {
    // A helpdesk account may never have written a custom message: then the shopper reads Baton's default.
    const { message, links } = messageFor(settings, texts.locale);
    const text = message || texts("cannotAnswer");
    await appendEvents(db, key, [{ type: "message", author: "assistant", text, data: { links } }, { type: "message_shown" }]);
    await updateConversation(db, key, { status: "message_shown", pendingHandoff: null, reason });
    return { kind: "message_shown", text, links };
  }

  if (c.channel === "web_chat" && params.consent === undefined) {
    const text = `${texts("cannotAnswer")} ${texts("offerHuman")}`;
    await appendEvents(db, key, [say(text), { type: "handoff_offered" }]);
    await updateConversation(db, key, { pendingHandoff: "consent", reason });
    return { kind: "consent_required", text };
  }
  if (params.consent === false) {
    const text = texts("declined");
    await appendEvents(db, key, [{ type: "handoff_declined" }, say(text)]);
    await updateConversation(db, key, { status: "declined", pendingHandoff: null, reason });
    return { kind: "declined", text };
  }

  // A verified shopper's email came signed from the store: nothing typed replaces it.
  const email = c.shopperVerified ? c.shopperEmail : (params.email ?? c.shopperEmail);
  if (!c.shopperVerified && params.email && params.email !== c.shopperEmail) await updateConversation(db, key, { shopperEmail: params.email });
  // Someone must be able to answer: a phone is enough only when the destination follows up by SMS.
  const identified = destinationAdapter(settings.destination).followUp[c.channel] === "sms" ? Boolean(email || c.shopperPhone) : Boolean(email);
  if (!identified) {
    const offline = settings.destination === "baton_inbox" && !(await availabilityOf(db, c.accountId)).availability.available;
    const text = texts(offline ? "askEmailOffline" : "askEmail");
    await appendEvents(db, key, [say(text), { type: "email_requested" }]);
    await updateConversation(db, key, { pendingHandoff: "email", reason });
    return { kind: "email_required", text };
  }

  if (settings.destination === "baton_inbox") {
    const state = await availabilityOf(db, c.accountId);
    const { available, nextOpeningAt } = state.availability;
    const followUp = c.channel === "sms" ? "sms" : available ? "chat" : "email";
    const escalation = await insertEscalation(db, {
      accountId: c.accountId,
      conversationId: c.id,
      destination: "baton_inbox",
      status: "in_inbox",
      reason,
      followUp,
    });
    await recordWebhookEvent(db, {
      accountId: c.accountId,
      type: "handoff.created",
      conversationId: c.id,
      escalationId: escalation.id,
      data: { destination: "baton_inbox", reason, followUp, humanAvailable: available },
    });
    const autoReply = available ? null : autoReplyText(state, texts);
    const said = [
      c.channel === "sms" ? texts("smsSentToInbox") : available ? texts("sentToInbox") : texts("sentToInboxByEmail", { email: email ?? "" }),
      available ? repliesFor(state.hours, texts.locale).inHoursMessage : autoReply,
    ].filter((t) => t !== null);
    await appendEvents(db, key, [
      {
        type: "handed_to_inbox",
        data: { escalationId: escalation.id, humanAvailable: available, followUp, nextOpeningAt: nextOpeningAt?.toISOString() ?? null },
      },
      ...said.map(say),
    ]);
    await updateConversation(db, key, { status: "routed", pendingHandoff: null, reason });
    return { kind: "handed_to_inbox", text: said.join(" "), escalationId: escalation.id, humanAvailable: available, nextOpeningAt, followUp, autoReply };
  }

  // The escalation row is the forwarding job (an outbox), written in this same transaction.
  const followUp = destinationAdapter(settings.destination).followUp[c.channel];
  const escalation = await insertEscalation(db, {
    accountId: c.accountId,
    conversationId: c.id,
    destination: settings.destination,
    status: "queued",
    reason,
    followUp,
  });
  await recordWebhookEvent(db, {
    accountId: c.accountId,
    type: "handoff.created",
    conversationId: c.id,
    escalationId: escalation.id,
    data: { destination: settings.destination, reason, followUp, humanAvailable: null },
  });
  const text = followUp === "sms" ? texts("smsSentToHelpdesk") : texts("sentToHelpdeskWebChat", { email: email ?? "" });
  await appendEvents(db, key, [say(text), { type: "session_ended", data: { escalationId: escalation.id, followUp } }]);
  await updateConversation(db, key, { status: "routed", pendingHandoff: null, sessionEnded: true, reason });
  return { kind: "ticket_queued", text, escalationId: escalation.id, destination: asDestinationId(settings.destination) as ConnectableId, followUp };
}

/** What the widget shows for a decision. */
export function replyFor(decision: HandoffDecision, texts: ShopperTexts): AgentReply {
  switch (decision.kind) {
    case "message_shown":
      return { type: "message", text: decision.text, links: decision.links };
    case "consent_required":
      return { type: "handoff_offer", text: decision.text, consentLabel: texts("consentButton"), declineLabel: texts("declineButton") };
    case "declined":
      return { type: "declined", text: decision.text };
    case "email_required":
      return { type: "email_required", text: decision.text };
    case "handed_to_inbox":
      return {
        type: "handed_to_inbox",
        text: decision.text,
        escalationId: decision.escalationId,
        humanAvailable: decision.humanAvailable,
        nextOpeningAt: decision.nextOpeningAt?.toISOString() ?? null,
        followUp: decision.followUp,
      };
    case "ticket_queued":
      return { type: "ticket_created", text: decision.text, escalationId: decision.escalationId, followUp: decision.followUp, sessionEnded: true };
  }
}
