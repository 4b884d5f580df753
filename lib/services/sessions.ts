import "server-only";
import type { Database } from "@/db/client";
import { revokeUserSessions } from "@/db/queries/sessions";

/** "Sign out everywhere": ends every session of the user, this browser's included. */
export async function signOutEverywhere(db: Database, user: { userId: string }): Promise<{ revoked: number }> {
  return { revoked: await revokeUserSessions(db, { userId: user.userId }) };
}
