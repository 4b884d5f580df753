import { boolean, date, foreignKey, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, accounts, memberships, users } from "./accounts";
import { channelEnum } from "./conversations";

/** How long a Baton Inbox handoff may wait unclaimed, counted inside business hours. */
export const DEFAULT_OVERDUE_AFTER_SECONDS = 180;

/**
 * The account's "waiting too long" threshold, one row per account; none yet means the default
 * (3 minutes). A handoff's deadline is fixed from it when the overdue checker first sees the
 * handoff (escalations.pickup_due_at), so a later change applies to later handoffs.
 */
export const inboxAlertSettings = pgTable("inbox_alert_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  overdueAfterSeconds: integer("overdue_after_seconds").notNull().default(DEFAULT_OVERDUE_AFTER_SECONDS),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Each member's own notification choices in one account (the sound); removed with the membership. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    accountId: uuid("account_id").notNull(),
    userId: uuid("user_id").notNull(),
    sound: boolean("sound").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.userId] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [memberships.accountId, memberships.userId] }).onDelete("cascade"),
  ],
);

/**
 * Baton Inbox handoffs whose pickup is decided, by their conversation's day and channel: claimed
 * by the deadline (`inTime`) or not (claimed after it, or found waiting past it). Kept exact by
 * triggers (migration 0020), like the other overview aggregates (db/schema/overview.ts).
 */
export const overviewPickupDays = pgTable(
  "overview_pickup_days",
  {
    accountId: accountIdColumn(),
    day: date("day", { mode: "string" }).notNull(),
    channel: channelEnum("channel").notNull(),
    inTime: boolean("in_time").notNull(),
    handoffs: integer("handoffs").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.channel, t.inTime] })],
);
