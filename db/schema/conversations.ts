import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";

export const channelEnum = pgEnum("conversation_channel", ["web_chat", "sms"]);
/**
 * Where a conversation stands. Exactly one outcome once it leaves `open`: the agent resolved it,
 * it was routed to the team (a ticket exists), the custom message was shown, or the shopper
 * declined the offer of a human.
 */
export const conversationStatusEnum = pgEnum("conversation_status", ["open", "resolved", "routed", "message_shown", "declined"]);

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    channel: channelEnum("channel").notNull(),
    status: conversationStatusEnum("status").notNull().default("open"),
    shopperEmail: text("shopper_email"),
    shopperPhone: text("shopper_phone"),
    shopperProfileId: text("shopper_profile_id"),
    shopperName: text("shopper_name"),
    /** The shopper's email, profile id and name came from the merchant's signed identity token. */
    shopperVerified: boolean("shopper_verified").notNull().default(false),
    /** SHA-256 of the conversation token the shopper's widget holds; null for server-side callers. */
    tokenHash: text("token_hash"),
    /** The question the agent could not answer, when a handoff was offered or made. */
    reason: text("reason"),
    /** The shopper's language (a shopper locale), chosen when the conversation starts; later emails and SMS texts use it. */
    locale: text("locale").notNull().default("en"),
    /**
     * The reason's stems in the conversation's language, accents and stop words dropped (see
     * baton_text_search_config): the overview groups knowledge gaps by them.
     */
    reasonStems: text("reason_stems")
      .array()
      .generatedAlwaysAs(sql`tsvector_to_array(to_tsvector(baton_text_search_config(locale), coalesce(reason, '')))`),
    /** Set when the agent offered a human and is waiting for consent (web chat) or an email. */
    pendingHandoff: text("pending_handoff"),
    sessionEnded: boolean("session_ended").notNull().default(false),
    /**
     * When the shopper was first offered a human (web chat consent step). Set by a trigger when a
     * `handoff_offered` event is recorded; the overview's consent funnel counts it.
     */
    handoffOfferedAt: timestamp("handoff_offered_at", { withTimezone: true }),
    /** The first answer from the account's knowledge (set by a trigger on the answer's event). */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /**
     * Resolved, but the same shopper (email or profile id) was handed to the team in a conversation
     * started within the account's resolution window after this one: not a durable resolution.
     * Kept exact by triggers (migration 0022_durable_resolution).
     */
    handedOffLater: boolean("handed_off_later").notNull().default(false),
    /**
     * The day the conversation started, in the account's time zone at that moment. Always set by
     * the `overview_conversation_local_day` trigger (the default is only a placeholder), and never
     * changed afterwards: a later time zone change does not move old conversations between days.
     */
    localDay: date("local_day", { mode: "string" })
      .notNull()
      .default(sql`current_date`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("conversations_account_idx").on(t.accountId, t.createdAt),
    // Inbox search: a shopper's email by any part of it (trigrams, pg_trgm).
    index("conversations_shopper_email_trgm_idx").using("gin", t.shopperEmail.op("gin_trgm_ops")),
    // Knowledge gaps read the latest unanswered questions of a range, newest first, from here.
    // Durable resolution: the same shopper's conversations around a given moment, by email or profile id.
    index("conversations_shopper_email_idx")
      .on(t.accountId, sql`lower(${t.shopperEmail})`, t.createdAt)
      .where(sql`${t.shopperEmail} is not null`),
    index("conversations_shopper_profile_idx")
      .on(t.accountId, t.shopperProfileId, t.createdAt)
      .where(sql`${t.shopperProfileId} is not null`),
    index("conversations_unanswered_idx")
      .on(t.accountId, t.localDay, t.createdAt)
      .where(sql`${t.status} in ('routed', 'message_shown')`),
  ],
);

export const eventTypeEnum = pgEnum("conversation_event_type", [
  "message",
  "handoff_offered",
  "handoff_declined",
  "email_requested",
  "handed_to_inbox",
  "ticket_created",
  "message_shown",
  "resolved",
  "session_ended",
  /** The shopper's answer to "Did that answer your question?" (`data`: helpful, knowledgeEntryId). */
  "answer_feedback",
]);
export const authorEnum = pgEnum("conversation_author", ["shopper", "assistant", "human", "system"]);

/**
 * Everything that happens in a conversation, in order: messages (the transcript) and status
 * changes. Widgets read it with `GET …/events?after=<id>`.
 */
export const conversationEvents = pgTable(
  "conversation_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: accountIdColumn(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    type: eventTypeEnum("type").notNull(),
    author: authorEnum("author"),
    text: text("text"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    /** When it happened (for transcripts sent by callers, their timestamp). */
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("conversation_events_conversation_idx").on(t.conversationId, t.id),
    // Inbox search: any part of a message's text (trigrams, pg_trgm); other events carry no text to search.
    index("conversation_events_text_trgm_idx")
      .using("gin", t.text.op("gin_trgm_ops"))
      .where(sql`${t.type} = 'message'`),
    // The Knowledge tab's "answered in the last 30 days": answers record the entry they came from.
    index("conversation_events_knowledge_idx")
      .on(sql`(${t.data}->>'knowledgeEntryId')`, t.at)
      .where(sql`${t.data} ? 'knowledgeEntryId'`),
  ],
);
