import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";

export const widgetKeyKindEnum = pgEnum("widget_key_kind", ["publishable", "secret"]);

/**
 * API keys for widgets and SMS gateways. A publishable key (`pk_…`) is public by design (it sits
 * in the store's HTML) and stored as is so the dashboard can show it; a secret key (`sk_…`) is
 * stored only as its SHA-256 and shown once, when created. Rotation revokes the previous key.
 */
export const widgetKeys = pgTable(
  "widget_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    kind: widgetKeyKindEnum("kind").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    /** The whole key for publishable keys; the first characters for secret keys. */
    display: text("display").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("widget_keys_account_idx").on(t.accountId, t.kind)],
);

/** Origins (scheme://host[:port]) allowed to use the account's publishable key from a browser. */
export const widgetOrigins = pgTable(
  "widget_origins",
  {
    accountId: accountIdColumn(),
    origin: text("origin").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.origin] })],
);
