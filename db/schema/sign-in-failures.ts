import { index, pgTable, text, timestamp, bigserial } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins, kept for the throttling window. Stored in the database (not in memory) so
 * the limit holds across server processes and restarts.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_failures_email_idx").on(t.email, t.createdAt),
    index("sign_in_failures_ip_idx").on(t.ip, t.createdAt),
  ],
);
