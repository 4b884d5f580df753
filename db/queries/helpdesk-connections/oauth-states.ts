import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { oauthStates } from "@/db/schema/helpdesk-connections";

export async function insertOAuthState(db: Database, values: typeof oauthStates.$inferInsert) {
  await db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date()));
  await db.insert(oauthStates).values(values);
}

/** Removes and returns the state if it exists: a state is usable once. */
export async function takeOAuthState(db: Database, params: { state: string; accountId: string; userId: string }) {
  const rows = await db
    .delete(oauthStates)
    .where(and(eq(oauthStates.state, params.state), eq(oauthStates.accountId, params.accountId), eq(oauthStates.userId, params.userId)))
    .returning();
  return rows[0] ?? null;
}
