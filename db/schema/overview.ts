import { boolean, date, integer, pgTable, primaryKey, serial, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";
import { channelEnum, conversationStatusEnum } from "./conversations";
import { escalationStatusEnum } from "./escalations";
import { destinationColumn } from "./handoff-settings";

/*
 * The overview's pre-aggregated rows, one small row per account, local day and key. They are kept
 * exact by database triggers (migration 0007_overview_stats), counted at the commit of every
 * transaction that changes conversations, escalations or `handoff_offered` events, whatever code
 * makes it. The day is always the conversation's `local_day`: figures describe conversations
 * started that day.
 */

/** Conversations by outcome (their current status) and whether a human was offered. */
export const overviewConversationDays = pgTable(
  "overview_conversation_days",
  {
    accountId: accountIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    status: conversationStatusEnum("status").notNull(),
    /** See `overview_offered()`: asked for consent, declined, or routed from web chat. */
    offered: boolean("offered").notNull(),
    /** The agent answered from the knowledge at least once (`conversations.answered_at`). */
    answered: boolean("answered").notNull().default(false),
    /** Resolved, then the same shopper was handed to the team within the window (`conversations.handed_off_later`). */
    handedOffLater: boolean("handed_off_later").notNull().default(false),
    conversations: integer("conversations").notNull(),
  },
  (t) => [primaryKey({ name: "overview_conversation_days_pk", columns: [t.accountId, t.day, t.channel, t.status, t.offered, t.answered, t.handedOffLater] })],
);

/**
 * The same counts per week (`week`: the Monday of the local days they sum), kept equal to the sum
 * of their day rows by a trigger on them (migration 0023_question_wordings). A range reads its
 * whole weeks from the week rows and only the days around them from the day rows; the other
 * `*_weeks` tables below follow their day rows the same way.
 */
export const overviewConversationWeeks = pgTable(
  "overview_conversation_weeks",
  {
    accountId: accountIdColumn(),
    week: date("week", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    status: conversationStatusEnum("status").notNull(),
    offered: boolean("offered").notNull(),
    answered: boolean("answered").notNull(),
    handedOffLater: boolean("handed_off_later").notNull(),
    conversations: integer("conversations").notNull(),
  },
  (t) => [primaryKey({ name: "overview_conversation_weeks_pk", columns: [t.accountId, t.week, t.channel, t.status, t.offered, t.answered, t.handedOffLater] })],
);

/** Handoffs by destination and forwarding status, on their conversation's day and channel. */
export const overviewEscalationDays = pgTable(
  "overview_escalation_days",
  {
    accountId: accountIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    destination: destinationColumn(),
    status: escalationStatusEnum("status").notNull(),
    escalations: integer("escalations").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.channel, t.destination, t.status] })],
);

/** Handoffs per week (see overviewConversationWeeks). */
export const overviewEscalationWeeks = pgTable(
  "overview_escalation_weeks",
  {
    accountId: accountIdColumn(),
    week: date("week", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    destination: destinationColumn(),
    status: escalationStatusEnum("status").notNull(),
    escalations: integer("escalations").notNull(),
  },
  (t) => [primaryKey({ name: "overview_escalation_weeks_pk", columns: [t.accountId, t.week, t.channel, t.destination, t.status] })],
);

/**
 * Time to first human reply as a histogram: bucket k holds replies that took s seconds with
 * floor(ln(1 + s) / ln(1.05)) = k, so each bucket spans 5% of its values (under a second below
 * 20 s). Percentiles read from it are within 2.5% (and a second) of the exact value.
 */
export const overviewReplyTimeDays = pgTable(
  "overview_reply_time_days",
  {
    accountId: accountIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    bucket: smallint("bucket").notNull(),
    replies: integer("replies").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.channel, t.bucket] })],
);

/**
 * The same histogram per week (`week`: the Monday of the local days it sums), kept equal to the
 * sum of its day rows by a trigger on them (migration 0023_question_wordings). A range reads its
 * whole weeks here and only its first and last few days from the day rows: a 90-day overview reads
 * about a fifth of the rows.
 */
export const overviewReplyTimeWeeks = pgTable(
  "overview_reply_time_weeks",
  {
    accountId: accountIdColumn(),
    week: date("week", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    bucket: smallint("bucket").notNull(),
    replies: integer("replies").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.week, t.channel, t.bucket] })],
);

/**
 * Each wording of an unanswered question an account has seen, once per language, with its stems
 * (`conversations.reason_stems`, fixed by the wording and its language). The day rows below point
 * at it by `id`, so the overview groups a range's questions on that small number rather than on
 * the text and its stems (migration 0023_question_wordings).
 */
export const overviewQuestionWordings = pgTable(
  "overview_question_wordings",
  {
    id: serial("id").primaryKey(),
    accountId: accountIdColumn(),
    locale: text("locale").notNull(),
    reason: text("reason").notNull(),
    stems: text("stems").array().notNull(),
  },
  (t) => [uniqueIndex("overview_question_wordings_key").on(t.accountId, t.locale, t.reason)],
);

/**
 * Knowledge gaps, exact: unanswered questions (conversations routed to the team or shown the
 * custom message, with a reason) per day, channel, outcome and wording. Kept by the same
 * commit-time triggers as the rows above (migrations 0022_durable_resolution, 0023_question_wordings),
 * so the overview groups every question of a range, not a sample.
 */
export const overviewQuestionDays = pgTable(
  "overview_question_days",
  {
    accountId: accountIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    status: conversationStatusEnum("status").notNull(),
    wordingId: integer("wording_id")
      .notNull()
      .references(() => overviewQuestionWordings.id, { onDelete: "cascade" }),
    questions: integer("questions").notNull(),
  },
  (t) => [primaryKey({ name: "overview_question_days_pk", columns: [t.accountId, t.day, t.channel, t.status, t.wordingId] })],
);

/**
 * The same counts per week (`week`: the Monday of the local days they sum), kept equal to the sum
 * of their day rows by a trigger on them (migration 0023_question_wordings), like the reply
 * times' week rows: a range's whole weeks are read here, the days around them from the day rows.
 */
export const overviewQuestionWeeks = pgTable(
  "overview_question_weeks",
  {
    accountId: accountIdColumn(),
    week: date("week", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    status: conversationStatusEnum("status").notNull(),
    wordingId: integer("wording_id")
      .notNull()
      .references(() => overviewQuestionWordings.id, { onDelete: "cascade" }),
    questions: integer("questions").notNull(),
  },
  (t) => [primaryKey({ name: "overview_question_weeks_pk", columns: [t.accountId, t.week, t.channel, t.status, t.wordingId] })],
);
