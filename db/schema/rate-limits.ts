import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Rate-limit counters shared by every process on this database (rate-limiter-flexible's Drizzle
 * store: one row per limit and key, e.g. "widget_ip:203.0.113.5"). Only used without REDIS_URL;
 * the embedded single-process database counts in memory.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
