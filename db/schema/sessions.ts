import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * One row per signed-in browser. The session cookie (a next-auth JWT) carries the row's id;
 * requireMember accepts it only while the row is neither revoked (signed out, or "sign out
 * everywhere") nor expired, so a copied cookie dies with the sign-out.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);
