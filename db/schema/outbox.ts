import { sql } from "drizzle-orm";
import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";
import { destinationColumn } from "./handoff-settings";

/**
 * Every attempt the outbox made, whatever the work (an escalation's ticket, an email): what
 * happened and the other side's words, so a merchant or an operator can see why something is
 * still waiting. Jobs keep only their latest error; this keeps them all.
 */
export const outboxAttempts = pgTable(
  "outbox_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: accountIdColumn(),
    /** The outbox the job is in: `escalation` or `email`. */
    kind: text("kind").notNull(),
    jobId: uuid("job_id").notNull(),
    attempt: integer("attempt").notNull(),
    /** delivered, retrying, deferred (over budget), failed. */
    outcome: text("outcome").notNull(),
    error: text("error"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_attempts_job_idx").on(t.kind, t.jobId, t.id)],
);

/**
 * A destination that stopped accepting tickets: opened by the first transient failure (5xx,
 * timeout, unreachable; a 429 is the helpdesk working as agreed), closed by the next delivery.
 * At most one open per account and destination, so admins are emailed once per incident.
 */
export const helpdeskIncidents = pgTable(
  "helpdesk_incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    destination: destinationColumn(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** When the account's admins were emailed about it (once). */
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("helpdesk_incidents_open_key")
      .on(t.accountId, t.destination)
      .where(sql`${t.resolvedAt} is null`),
  ],
);
