import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";

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
