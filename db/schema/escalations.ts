import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, users } from "./accounts";
import { channelEnum, conversations } from "./conversations";
import { destinationColumn } from "./handoff-settings";

export const escalationStatusEnum = pgEnum("escalation_status", ["in_inbox", "queued", "delivered", "failed"]);
/** How the team's replies reach the shopper: live in the chat, by email, or by SMS. */
export const followUpEnum = pgEnum("follow_up", ["chat", "email", "sms"]);
/**
 * How a conversation left Baton Inbox: an agent closed it, or its failed forward was retried and
 * the helpdesk took it ("forwarded"; set when the retry is queued, it closes the row on delivery).
 */
export const inboxClosedAsEnum = pgEnum("inbox_closed_as", ["agent", "forwarded"]);

/** A conversation handed to the team: into Baton Inbox, or queued for Zendesk / Gorgias. */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    destination: destinationColumn(),
    status: escalationStatusEnum("status").notNull(),
    reason: text("reason"),
    externalTicketId: text("external_ticket_id"),
    externalUrl: text("external_url"),
    lastError: text("last_error"),
    attempts: integer("attempts").notNull().default(0),
    /** Forwarding is an outbox: a queued escalation is the job, claimed when this time has come. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Transient failures are retried until this time (set by the first one, FORWARDING_RETRY_HOURS
     * later); null until then. "Retry now" clears it, so a manual retry gets a whole new window.
     */
    retryUntil: timestamp("retry_until", { withTimezone: true }),
    /** While a worker holds the job (its claim's lease); cleared by the attempt's outcome. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    /** Baton Inbox: the agent who claimed it (one owner), and when the team closed it. */
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** The member who closed it (closedAs "agent"); null once that user is deleted. */
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAs: inboxClosedAsEnum("closed_as"),
    /**
     * Since when the shopper's answer (by email) waits for the team: set when one arrives, cleared
     * by the next human reply. The inbox marks these conversations.
     */
    shopperRepliedAt: timestamp("shopper_replied_at", { withTimezone: true }),
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
    /** Baton Inbox: when an agent first claimed it (a trigger stamps it; migration 0020). */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /**
     * Baton Inbox: when the handoff becomes overdue if still unclaimed, the account's threshold
     * counted inside business hours from createdAt; set once by the overdue checker.
     */
    pickupDueAt: timestamp("pickup_due_at", { withTimezone: true }),
    /** When the checker found it overdue and emailed the agents: set by the claim itself, so once. */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The overdue checker's scans: handoffs without a deadline yet, and unclaimed ones past it.
    index("escalations_pickup_pending_idx")
      .on(t.createdAt)
      .where(sql`${t.pickupDueAt} is null and ${t.destination} = 'baton_inbox'`),
    index("escalations_overdue_due_idx")
      .on(t.pickupDueAt)
      .where(sql`${t.overdueNotifiedAt} is null and ${t.assigneeId} is null and ${t.closedAt} is null`),
    index("escalations_account_idx").on(t.accountId, t.createdAt),
    // The inbox's Closed view pages through these, newest close first (keyset on closed_at, id).
    index("escalations_closed_idx")
      .on(t.accountId, t.closedAt, t.id)
      .where(sql`${t.closedAt} is not null`),
    uniqueIndex("escalations_conversation_key").on(t.conversationId),
    index("escalations_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'queued'`),
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
