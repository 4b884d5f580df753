import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/accounts";
import { handoffSettingChanges, handoffSettings, type HandoffSnapshot } from "@/db/schema/handoff-settings";

export async function findHandoffSettings(db: Database, accountId: string) {
  const rows = await db.select().from(handoffSettings).where(eq(handoffSettings.accountId, accountId)).limit(1);
  return rows[0] ?? null;
}

/**
 * Writes the new settings only if the stored version is still `expectedVersion` (0: no row yet),
 * and records the change, in one transaction. Returns null when someone saved in between.
 */
export async function writeHandoffSettings(
  db: Database,
  params: {
    accountId: string;
    userId: string | null;
    expectedVersion: number;
    before: HandoffSnapshot;
    after: HandoffSnapshot;
    reason?: string;
  },
  /** More writes that must commit with the change (its webhook event). */
  alsoInTransaction?: (tx: Database, written: typeof handoffSettings.$inferSelect) => Promise<unknown>,
) {
  return db.transaction(async (tx) => {
    const values = { ...params.after, updatedBy: params.userId, updatedAt: new Date() };
    const [written] =
      params.expectedVersion === 0
        ? await tx
            .insert(handoffSettings)
            .values({ accountId: params.accountId, version: 1, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(handoffSettings)
            .set({ ...values, version: params.expectedVersion + 1 })
            .where(and(eq(handoffSettings.accountId, params.accountId), eq(handoffSettings.version, params.expectedVersion)))
            .returning();
    if (!written) return null;
    await tx.insert(handoffSettingChanges).values({
      accountId: params.accountId,
      userId: params.userId,
      before: params.before,
      after: params.after,
      reason: params.reason ?? null,
    });
    await alsoInTransaction?.(tx, written);
    return written;
  });
}

export async function listHandoffChanges(db: Database, params: { accountId: string; limit: number }) {
  return db
    .select({
      id: handoffSettingChanges.id,
      before: handoffSettingChanges.before,
      after: handoffSettingChanges.after,
      reason: handoffSettingChanges.reason,
      createdAt: handoffSettingChanges.createdAt,
      userName: users.name,
      userEmail: users.email,
    })
    .from(handoffSettingChanges)
    .leftJoin(users, eq(users.id, handoffSettingChanges.userId))
    .where(eq(handoffSettingChanges.accountId, params.accountId))
    .orderBy(desc(handoffSettingChanges.createdAt), desc(handoffSettingChanges.id))
    .limit(params.limit);
}
