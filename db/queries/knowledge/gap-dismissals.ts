import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { knowledgeGapDismissals as t } from "@/db/schema/knowledge";

/** The account's dismissed knowledge-gap groups, latest first. */
export async function listGapDismissals(db: Database, accountId: string) {
  return db
    .select({ key: t.groupKey, question: t.question, dismissedAt: t.dismissedAt })
    .from(t)
    .where(eq(t.accountId, accountId))
    .orderBy(desc(t.dismissedAt))
    .limit(200);
}

export async function insertGapDismissal(db: Database, params: { accountId: string; key: string; question: string; userId: string }) {
  await db.insert(t).values({ accountId: params.accountId, groupKey: params.key, question: params.question, dismissedBy: params.userId }).onConflictDoNothing();
}

export async function deleteGapDismissal(db: Database, params: { accountId: string; key: string }) {
  await db.delete(t).where(and(eq(t.accountId, params.accountId), eq(t.groupKey, params.key)));
}
