import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userSessions } from "@/db/schema/sessions";

export async function createSession(db: Database, params: { userId: string; expiresAt: Date }): Promise<string> {
  const [row] = await db.insert(userSessions).values(params).returning({ id: userSessions.id });
  return row!.id;
}

/** Whether the user's session is still good: not revoked, not expired. */
export async function isSessionActive(db: Database, params: { id: string; userId: string; now?: Date }): Promise<boolean> {
  const rows = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.id, params.id),
        eq(userSessions.userId, params.userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, params.now ?? new Date()),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function revokeSession(db: Database, params: { id: string }): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, params.id), isNull(userSessions.revokedAt)));
}

/** "Sign out everywhere": every session of the user. */
export async function revokeUserSessions(db: Database, params: { userId: string }): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, params.userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}
