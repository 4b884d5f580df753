import { sql } from "drizzle-orm";
import { bigserial, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, users } from "./accounts";
import { helpdeskDestinationEnum } from "./handoff";

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
    /** The reason's English stems, stop words dropped: the overview groups knowledge gaps by them. */
    reasonStems: text("reason_stems")
      .array()
      .generatedAlwaysAs(sql`tsvector_to_array(to_tsvector('english'::regconfig, coalesce(reason, '')))`),
    /** Set when the agent offered a human and is waiting for consent (web chat) or an email. */
    pendingHandoff: text("pending_handoff"),
    sessionEnded: boolean("session_ended").notNull().default(false),
    /**
     * When the shopper was first offered a human (web chat consent step). Set by a trigger when a
     * `handoff_offered` event is recorded; the overview's consent funnel counts it.
     */
    handoffOfferedAt: timestamp("handoff_offered_at", { withTimezone: true }),
    /**
     * The day the conversation started, in the account's time zone at that moment. Always set by
     * the `overview_conversation_local_day` trigger (the default is only a placeholder), and never
     * changed afterwards: a later time zone change does not move old conversations between days.
     */
    localDay: date("local_day", { mode: "string" }).notNull().default(sql`current_date`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("conversations_account_idx").on(t.accountId, t.createdAt),
    // Knowledge gaps read the latest unanswered questions of a range, newest first, from here.
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
  (t) => [index("conversation_events_conversation_idx").on(t.conversationId, t.id)],
);

export const escalationStatusEnum = pgEnum("escalation_status", ["in_inbox", "queued", "delivered", "failed"]);
/** How the team's replies reach the shopper: live in the chat, by email, or by SMS. */
export const followUpEnum = pgEnum("follow_up", ["chat", "email", "sms"]);

/** A conversation handed to the team: into Baton Inbox, or queued for Zendesk / Gorgias. */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    destination: helpdeskDestinationEnum("destination").notNull(),
    status: escalationStatusEnum("status").notNull(),
    reason: text("reason"),
    externalTicketId: text("external_ticket_id"),
    externalUrl: text("external_url"),
    lastError: text("last_error"),
    attempts: integer("attempts").notNull().default(0),
    /** Forwarding is an outbox: a queued escalation is the job, claimed when this time has come. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** Baton Inbox: the agent who claimed it (one owner), and when the team closed it. */
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** When a human first replied in Baton Inbox: time to first human reply is this minus createdAt. */
    firstHumanReplyAt: timestamp("first_human_reply_at", { withTimezone: true }),
    /**
     * Decided at the handoff: a web chat handed over while nobody was available, or queued for
     * Zendesk/Gorgias (whose fallback lands back in Baton Inbox), continues by email. Null on
     * rows from before this column: chat.
     */
    followUp: followUpEnum("follow_up"),
    /**
     * The conversation's local day and channel, copied by a trigger when the escalation is written
     * (always set): the overview counts the escalation on them without looking the conversation up.
     */
    conversationDay: date("conversation_day", { mode: "string" }),
    conversationChannel: channelEnum("conversation_channel"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("escalations_account_idx").on(t.accountId, t.createdAt),
    uniqueIndex("escalations_conversation_key").on(t.conversationId),
    index("escalations_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
  ],
);

/**
 * `POST /escalations` results by Idempotency-Key: a retry with the same key and body gets the
 * stored answer; the same key with another body is refused. The row is inserted first, inside
 * the request's transaction, so concurrent retries wait for the first and then read its answer.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    accountId: accountIdColumn(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] })],
);
