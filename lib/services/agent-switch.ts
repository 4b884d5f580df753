import "server-only";
import type { Database } from "@/db/client";
import { findAgentEnabled, listAgentSwitchChanges, listAgentSwitchesBefore, writeAgentEnabled } from "@/db/queries/agent-switch";
import { AppError } from "@/lib/errors";
import { agentOffDays, type DayRange } from "@/lib/overview/agent-off-days";

/** Whether the account's Customer Agent is on (a missing account is not found). */
export async function isAgentEnabled(db: Database, accountId: string): Promise<boolean> {
  const enabled = await findAgentEnabled(db, accountId);
  if (enabled === null) throw new AppError("not_found", "No such account.");
  return enabled;
}

/** Refuses the Customer Agent's work while an admin has turned it off: `409 agent_disabled`. */
export async function requireAgentEnabled(db: Database, accountId: string): Promise<void> {
  if (!(await isAgentEnabled(db, accountId))) {
    throw new AppError("agent_disabled", "The Customer Agent is turned off for this store.");
  }
}

/** Turns the Customer Agent on or off (recorded in the Settings history); turning it to its current state records nothing. */
export async function setAgentEnabled(db: Database, params: { accountId: string; userId: string; enabled: boolean }) {
  const changed = await writeAgentEnabled(db, params);
  return { enabled: params.enabled, changed };
}

/** The switch's latest changes, newest first, for the Settings history. */
export async function agentSwitchHistory(db: Database, accountId: string, limit = 20) {
  return listAgentSwitchChanges(db, { accountId, limit });
}
export type AgentSwitchChange = Awaited<ReturnType<typeof agentSwitchHistory>>[number];

/** The overview's days (local, inclusive) on which the agent was off for at least part of the day. */
export async function agentOffRanges(db: Database, params: { accountId: string; from: string; to: string; timeZone: string; now?: Date }): Promise<DayRange[]> {
  const now = params.now ?? new Date();
  const switches = await listAgentSwitchesBefore(db, { accountId: params.accountId, until: now });
  return agentOffDays(switches, { from: params.from, to: params.to, timeZone: params.timeZone, now });
}
