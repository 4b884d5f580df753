import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";
import { conversationEvents, conversations } from "./conversations";
import { emailOutbox } from "./email-outbox";

/**
 * What became of a received email: appended to its conversation as the shopper's message, kept
 * aside because someone other than the shopper sent it, or a bounce that failed an outgoing email.
 * Automatic mail (out-of-office, bulk) and mail that names no conversation are not kept.
 */
export const inboundOutcomeEnum = pgEnum("inbound_email_outcome", ["appended", "unmatched", "bounce"]);
export const inboundViaEnum = pgEnum("inbound_email_via", ["smtp", "webhook"]);

export type InboundAttachment = { filename: string; size: number; contentType: string };

/**
 * Emails received for a conversation (Baton's SMTP receiver or the inbound webhook). One row per
 * Message-ID and account: the same message delivered twice is appended once.
 */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "cascade" }),
    /** The message's own Message-ID (a digest of the message when it has none). */
    messageId: text("message_id").notNull(),
    outcome: inboundOutcomeEnum("outcome").notNull(),
    via: inboundViaEnum("via").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull().default(""),
    /** The new text, quoted history and signature stripped (for unmatched mail, what an admin reads). */
    text: text("text").notNull().default(""),
    attachments: jsonb("attachments").$type<InboundAttachment[]>().notNull().default([]),
    sizeBytes: integer("size_bytes").notNull(),
    /** The shopper's message it became (appended mail). */
    eventId: bigint("event_id", { mode: "number" }).references(() => conversationEvents.id, { onDelete: "set null" }),
    /** The outgoing email a bounce failed, and the reason the receiving server gave. */
    bouncedEmailId: uuid("bounced_email_id").references(() => emailOutbox.id, { onDelete: "set null" }),
    bounceReason: text("bounce_reason"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("inbound_emails_message_key").on(t.accountId, t.messageId),
    // In-Reply-To / References name earlier messages: a shopper answering their own email.
    index("inbound_emails_message_idx").on(t.messageId),
    // The Integrations page lists the account's unmatched mail and bounces, newest first.
    index("inbound_emails_review_idx")
      .on(t.accountId, t.receivedAt)
      .where(sql`${t.outcome} in ('unmatched', 'bounce')`),
  ],
);
