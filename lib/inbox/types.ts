// The inbox's JSON shapes, shared by the server (lib/inbox/views.ts) and the browser.
export type { InboxFilter } from "@/db/queries/escalations/inbox";
import type { DestinationId } from "@/lib/validation/handoff";
export type InboxRowView = {
  escalationId: string;
  conversationId: string;
  channel: "web_chat" | "sms";
  shopperEmail: string | null;
  shopperPhone: string | null;
  shopperName: string | null;
  shopperProfileId: string | null;
  /** The store signed this shopper (identity token); false: what the shopper typed. */
  shopperVerified: boolean;
  reason: string | null;
  status: "in_inbox" | "queued" | "delivered" | "failed";
  destination: DestinationId;
  lastError: string | null;
  createdAt: string;
  closedAt: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  /** How it left the inbox: an agent closed it, or a failed forward reached its helpdesk after all. */
  closedAs: "agent" | "forwarded" | null;
  /** Who closed it (null when nobody did, or that member was deleted). */
  closedByName: string | null;
  firstHumanReplyAt: string | null;
  /** How the conversation continues: in the chat, by email (nobody was available), or by SMS. */
  followUp: "chat" | "email" | "sms" | null;
  /** Since when the shopper's emailed answer waits for the team; null when it does not. */
  shopperRepliedAt: string | null;
  /** Waited unclaimed longer than the account's threshold (inside business hours), still unclaimed. */
  overdue: boolean;
};

/** One page of an inbox list and the cursor of the next (null: no more). */
export type InboxPage = { rows: InboxRowView[]; nextCursor: string | null };

export type OutboxEmailView = {
  id: string;
  status: "queued" | "sent" | "failed";
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
};

export type InboxConversationView = {
  item: InboxRowView & { claimedByMe: boolean };
  transcript: TranscriptMessageView[];
  /** Replies also go by email: the emails so far, and whether this server can send them (SMTP_URL). */
  email: { emails: OutboxEmailView[]; canSend: boolean } | null;
};

/** How a message travelled, and for an emailed reply where its email stands. */
export type MessageDelivery = "sent" | "queued" | "retrying" | "failed" | "bounced" | "recorded";

export type TranscriptMessageView = {
  author: "shopper" | "assistant" | "human" | "system";
  text: string | null;
  at: string;
  name: string | null;
  channel: "chat" | "email" | "sms";
  /** An agent's reply that was also emailed: its email's state. */
  delivery: MessageDelivery | null;
  /** Files the shopper attached to an email (listed, not kept). */
  attachments: Array<{ filename: string; size: number }>;
};
