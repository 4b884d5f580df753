import { and, eq, gte, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations } from "@/db/schema/conversations";
import { escalations } from "@/db/schema/escalations";
import { notificationPreferences } from "@/db/schema/notifications";

/** The conversation's handoff if it is a Baton Inbox one still waiting for a claim, created since `since`. */
export async function findWaitingHandoff(db: Database, params: { accountId: string; conversationId: string; since: Date }) {
  const [row] = await db
    .select({ conversationId: escalations.conversationId, reason: conversations.reason })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .where(
      and(
        eq(escalations.accountId, params.accountId),
        eq(escalations.conversationId, params.conversationId),
        eq(escalations.destination, "baton_inbox"),
        eq(escalations.status, "in_inbox"),
        isNull(escalations.assigneeId),
        isNull(escalations.closedAt),
        gte(escalations.createdAt, params.since),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findNotificationSound(db: Database, params: { accountId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ sound: notificationPreferences.sound })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.accountId, params.accountId), eq(notificationPreferences.userId, params.userId)))
    .limit(1);
  return row?.sound ?? false;
}

export async function writeNotificationSound(db: Database, params: { accountId: string; userId: string; sound: boolean }) {
  await db
    .insert(notificationPreferences)
    .values(params)
    .onConflictDoUpdate({ target: [notificationPreferences.accountId, notificationPreferences.userId], set: { sound: params.sound, updatedAt: new Date() } });
}
