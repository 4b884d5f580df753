import { foreignKey, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts, memberships, users } from "./accounts";

// The shape of business hours as stored (jsonb). lib/availability/rules.ts builds on these types;
// they live here because the database layer imports nothing from lib/.
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** Local wall-clock times, "HH:MM". An end at or before the start ends the next day (00:00–00:00 is 24 hours). */
export type TimeRange = { start: string; end: string };
export type WeeklySchedule = Record<Weekday, TimeRange[]>;
/** A dated change to the weekly schedule: closed all day (a holiday) or special hours. */
export type HoursException = { date: string; label: string; closed: boolean; ranges: TimeRange[] };
/** The auto-reply and in-hours message in other shopper languages than the account's; missing ones fall back to the main texts. */
export type ReplyTranslations = Partial<Record<string, { autoReply: string | null; inHoursMessage: string | null }>>;

/**
 * When the account's team works, one row per account; none yet means open around the clock
 * (agent availability still applies). The time zone is `accounts.time_zone`. `version` guards
 * against silent overwrites, as for the handoff settings.
 */
export const businessHours = pgTable("business_hours", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  weekly: jsonb("weekly").$type<WeeklySchedule>().notNull(),
  exceptions: jsonb("exceptions").$type<HoursException[]>().notNull(),
  /** Shown when a handoff lands and nobody is available; `{backAt}` becomes the next opening. Null: the default text, in the shopper's language. */
  autoReply: text("auto_reply"),
  /** Optional, shown when a handoff lands and someone is available. */
  inHoursMessage: text("in_hours_message"),
  translations: jsonb("translations").$type<ReplyTranslations>().notNull().default({}),
  version: integer("version").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const presenceStatusEnum = pgEnum("agent_presence_status", ["available", "away"]);
export type PresenceStatus = (typeof presenceStatusEnum.enumValues)[number];

/**
 * Each member's own Available / Away choice in one account, and when their dashboard last sent
 * a heartbeat: an Available member whose browser has been gone longer than the presence
 * timeout counts as away. Removed with the membership.
 */
export const agentPresence = pgTable(
  "agent_presence",
  {
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    status: presenceStatusEnum("status").notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [memberships.accountId, memberships.userId] }).onDelete("cascade"),
  ],
);
