import { bigserial, boolean, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, users } from "./accounts";

/**
 * Every time an admin turned the Customer Agent on or off (`accounts.agent_enabled` holds the
 * current state): the Settings history lists them, and the overview reads them to mark the days
 * the agent was off.
 */
export const agentSwitchChanges = pgTable(
  "agent_switch_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: accountIdColumn(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    enabled: boolean("enabled").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agent_switch_changes_account_idx").on(t.accountId, t.createdAt)],
);
