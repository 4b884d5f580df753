import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("member_role", ["admin", "lead", "agent"]);

/** A merchant: the unit of data separation. Every other aggregate belongs to one account. */
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stable, URL-safe handle (e.g. `demo-store`); the seed's natural key. */
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** IANA time zone for business hours and the overview's days (e.g. `America/New_York`). */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** The account's language (a shopper locale): tickets sent to its helpdesk, the main version of its texts. */
  locale: text("locale").notNull().default("en"),
  /** The shopper language when neither the page nor the browser names a supported one; null: the account's language. */
  shopperLocale: text("shopper_locale"),
  /** Whether the Customer Agent answers shoppers (Settings tab, admins); off: no widget, no new conversations. */
  agentEnabled: boolean("agent_enabled").notNull().default(true),
  /**
   * Durable resolution (Knowledge tab, admins and leads): a resolved conversation counts as resolved
   * only when the same shopper was not handed to the team in a conversation started within this
   * many hours after it.
   */
  resolutionWindowHours: integer("resolution_window_hours").notNull().default(24),
  /**
   * Counts every change to the account's knowledge entries and synonyms (triggers of migration
   * 0025): what the answerer makes of a question is the same for as long as it is, so a process
   * may keep its answers under it (the overview's knowledge gaps do).
   */
  knowledgeVersion: bigint("knowledge_version", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The owning account of a row: every aggregate but accounts and users is scoped by it. */
export const accountIdColumn = () =>
  uuid("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" });

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stored lower-cased and trimmed; see lib/validation/auth.ts. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** The user's chosen language (BCP 47); null means "follow the browser". */
  locale: text("locale"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    accountId: accountIdColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export type Role = (typeof roleEnum.enumValues)[number];
