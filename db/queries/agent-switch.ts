import { and, asc, desc, eq, lt, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, users } from "@/db/schema/accounts";
import { agentSwitchChanges } from "@/db/schema/agent-switch";

/** Whether the account's Customer Agent is on; null when there is no such account. */
export async function findAgentEnabled(db: Database, accountId: string): Promise<boolean | null> {
  const rows = await db.select({ enabled: accounts.agentEnabled }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return rows[0]?.enabled ?? null;
}

/**
 * Turns the agent on or off and records the change, in one transaction. The update applies only
 * when the state really changes, so a repeated or concurrent click records nothing twice.
 * Returns whether anything changed.
 */
export async function writeAgentEnabled(db: Database, params: { accountId: string; userId: string | null; enabled: boolean }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ agentEnabled: params.enabled })
      .where(and(eq(accounts.id, params.accountId), ne(accounts.agentEnabled, params.enabled)))
      .returning({ id: accounts.id });
    if (updated.length === 0) return false;
    await tx.insert(agentSwitchChanges).values({ accountId: params.accountId, userId: params.userId, enabled: params.enabled });
    return true;
  });
}

/** The latest changes, newest first, with who made them. */
export async function listAgentSwitchChanges(db: Database, params: { accountId: string; limit: number }) {
  return db
    .select({ id: agentSwitchChanges.id, enabled: agentSwitchChanges.enabled, createdAt: agentSwitchChanges.createdAt, userName: users.name })
    .from(agentSwitchChanges)
    .leftJoin(users, eq(users.id, agentSwitchChanges.userId))
    .where(eq(agentSwitchChanges.accountId, params.accountId))
    .orderBy(desc(agentSwitchChanges.createdAt), desc(agentSwitchChanges.id))
    .limit(params.limit);
}

/** Every change before `until`, oldest first: the overview rebuilds the off periods from them (people click rarely). */
export async function listAgentSwitchesBefore(db: Database, params: { accountId: string; until: Date }) {
  return db
    .select({ enabled: agentSwitchChanges.enabled, at: agentSwitchChanges.createdAt })
    .from(agentSwitchChanges)
    .where(and(eq(agentSwitchChanges.accountId, params.accountId), lt(agentSwitchChanges.createdAt, params.until)))
    .orderBy(asc(agentSwitchChanges.createdAt), asc(agentSwitchChanges.id));
}
