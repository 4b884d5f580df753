import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, accounts, users } from "./accounts";

export const handoffMethodEnum = pgEnum("handoff_method", ["helpdesk", "message"]);
/** A destination's id (`baton_inbox`, `zendesk`, …): text, checked against lib/helpdesks/registry.ts, the one list of them. */
export const destinationColumn = () => text("destination").notNull();

export type HandoffLink = { label: string; url: string };
/** The custom message in other shopper languages than the account's (keyed by shopper locale); missing ones fall back to the main text. */
export type MessageTranslations = Partial<Record<string, { message: string; links: HandoffLink[] }>>;

/**
 * What happens when the Customer Agent cannot answer, one row per account (none yet means the
 * default: a ticket to Baton Inbox). Both methods' fields are kept, so switching back and forth
 * does not lose the other method's text. `version` guards against silent overwrites.
 */
export const handoffSettings = pgTable("handoff_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  method: handoffMethodEnum("method").notNull(),
  destination: destinationColumn(),
  message: text("message").notNull(),
  links: jsonb("links").$type<HandoffLink[]>().notNull(),
  translations: jsonb("translations").$type<MessageTranslations>().notNull().default({}),
  version: integer("version").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type HandoffSnapshot = {
  method: (typeof handoffMethodEnum.enumValues)[number];
  destination: string;
  message: string;
  links: HandoffLink[];
  /** Absent in changes recorded before per-language messages. */
  translations?: MessageTranslations;
};

/** The change history shown under the form: who changed what, when (before → after). */
export const handoffSettingChanges = pgTable(
  "handoff_setting_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: accountIdColumn(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    before: jsonb("before").$type<HandoffSnapshot>().notNull(),
    after: jsonb("after").$type<HandoffSnapshot>().notNull(),
    /** Why the change happened when no one saved the form (e.g. a disconnected helpdesk). */
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("handoff_setting_changes_account_idx").on(t.accountId, t.createdAt)],
);
