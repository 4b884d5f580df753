import { sql } from "drizzle-orm";
import { bigint, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";
import { conversationEvents, conversations } from "./conversations";

export const emailStatusEnum = pgEnum("email_status", ["queued", "sent", "failed"]);
export type EmailStatus = (typeof emailStatusEnum.enumValues)[number];

/**
 * Agents' replies that go to the shopper by email (the handoff came in while nobody was
 * available, or the chat had moved to email). Written in the reply's transaction, so no reply is
 * lost; the row is the sending job: queued rows are claimed with a lease, like forwarding. The
 * rendered subject and body are kept, so the conversation shows exactly what was sent.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** The agent's reply this email carries (one email per reply). */
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => conversationEvents.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The HTML part sent beside `body` (null on emails from before it existed: plain text only). */
    html: text("html"),
    /**
     * The Message-ID it is sent with, every attempt the same: the shopper's answer names it in
     * In-Reply-To / References, and a bounce names it too.
     */
    messageId: text("message_id").notNull(),
    /** Threading, fixed when queued: the message it answers and the thread's Message-IDs (RFC 5322 3.6.4). */
    inReplyTo: text("in_reply_to"),
    references: text("references")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When a delivery status notification said it did not arrive (the email is then failed). */
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    status: emailStatusEnum("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("email_outbox_conversation_idx").on(t.accountId, t.conversationId, t.createdAt),
    uniqueIndex("email_outbox_event_key").on(t.eventId),
    uniqueIndex("email_outbox_message_id_key").on(t.messageId),
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
  ],
);
