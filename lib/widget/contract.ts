// Response shapes of /api/widget/v1, shared by the route handlers, the OpenAPI document and the
// tests. The embeddable widget (widget/*.ts) imports these types.
import { errorCodes } from "@/lib/errors";
import type { DestinationId } from "@/lib/validation/handoff";

export type WidgetLink = { label: string; url: string };

/** GET /config */
export type WidgetConfig = {
  /** False while an admin has turned the Customer Agent off: the widget shows nothing and conversations answer 409 agent_disabled. */
  enabled: boolean;
  method: "helpdesk" | "message";
  /** Set when method is helpdesk. */
  destination: DestinationId | null;
  webChat: { askConsent: boolean; consentLabel: string; declineLabel: string; emailRequired: boolean };
  /** Whether a human can pick a Baton Inbox conversation up now: inside business hours and an agent available. */
  humanAvailable: boolean;
  /** Baton Inbox only: why (not) and, when nobody is available, when the team is back (ISO 8601, null when unknown). */
  availability: { reason: "available" | "outside_hours" | "holiday" | "no_agent_available"; nextOpeningAt: string | null } | null;
  /** The custom message and links, when method is message. */
  message: { text: string; links: WidgetLink[] } | null;
  /** Shopper-facing texts in the shopper's language (`locale`: the page's data-locale, else Accept-Language, else the account's default). */
  texts: Record<string, string>;
  locale: string;
};

/** The Customer Agent's turn after a shopper message or a handoff answer. */
export type AgentReply =
  | { type: "answer"; text: string }
  | { type: "handoff_offer"; text: string; consentLabel: string; declineLabel: string }
  | { type: "message"; text: string; links: WidgetLink[] }
  | { type: "email_required"; text: string }
  | { type: "declined"; text: string }
  | {
      type: "handed_to_inbox";
      text: string;
      escalationId: string;
      /** False: nobody could pick it up now; the text includes the auto-reply and the team answers by email. */
      humanAvailable: boolean;
      nextOpeningAt: string | null;
      followUp: "chat" | "email" | "sms";
    }
  | { type: "ticket_created"; text: string; escalationId: string; followUp: "email" | "sms"; sessionEnded: true }
  | { type: "waiting_for_human"; text: null };

/** POST /conversations → 201 */
/** `locale`: the conversation's language, negotiated once; later steps, emails and SMS texts use it. `verified`: the store signed the shopper. */
export type StartedConversation = { id: string; token: string; channel: "web_chat" | "sms"; locale: string; verified: boolean; createdAt: string };

/** One entry of GET /conversations/{id}/events */
export type ConversationEvent = {
  id: number;
  type:
    | "message"
    | "handoff_offered"
    | "handoff_declined"
    | "email_requested"
    | "handed_to_inbox"
    | "ticket_created"
    | "message_shown"
    | "resolved"
    | "session_ended"
    /** The shopper's verdict on the latest answer (`data.helpful`). */
    | "answer_feedback";
  author: "shopper" | "assistant" | "human" | "system" | null;
  text: string | null;
  data: Record<string, unknown> | null;
  at: string;
};

/** POST /escalations → 201 (or the stored answer of a retried Idempotency-Key) */
export type EscalationResult = {
  conversationId: string;
  escalationId: string | null;
  outcome: "handed_to_inbox" | "ticket_queued" | "message_shown" | "declined";
  destination: DestinationId | null;
  /** How the team follows up: live in the caller's chat, by email, or by SMS. */
  followUp: "chat" | "email" | "sms" | null;
  message: { text: string; links: WidgetLink[] } | null;
  /** Baton Inbox only: whether a human can pick it up now, and if not, when the team is back and the auto-reply to show. */
  humanAvailable: boolean | null;
  nextOpeningAt: string | null;
  autoReply: string | null;
};

/** Stable error codes of the widget API (its public subset of the app's codes). */
const widgetCodes = [
  "invalid_json",
  "idempotency_key_required",
  "unauthenticated",
  "invalid_conversation_token",
  "identity_invalid",
  "identity_expired",
  "origin_not_allowed",
  "secret_key_in_browser",
  "secret_key_required",
  "not_found",
  "method_not_allowed",
  "conversation_closed",
  "agent_disabled",
  "no_answer",
  "body_too_large",
  "unsupported_media_type",
  "validation_failed",
  "consent_required",
  "identity_not_configured",
  "email_required",
  "idempotency_key_reused",
  "rate_limited",
  "internal",
] as const;
export type WidgetErrorCode = (typeof widgetCodes)[number];
/** Each public code with its HTTP status, the one lib/errors.ts gives it, so the two cannot drift. */
export const widgetErrorCodes = Object.fromEntries(widgetCodes.map((code) => [code, errorCodes[code]])) as { [K in WidgetErrorCode]: (typeof errorCodes)[K] };

/** GET /conversations/{id} */
export type ConversationSummary = {
  id: string;
  channel: "web_chat" | "sms";
  status: "open" | "resolved" | "routed" | "message_shown" | "declined";
  sessionEnded: boolean;
  shopper: { email: string | null; phone: string | null; profileId: string | null; name: string | null; verified: boolean };
  reason: string | null;
  escalation: { id: string; destination: DestinationId; status: string; ticketId: string | null; ticketUrl: string | null } | null;
  createdAt: string;
};
