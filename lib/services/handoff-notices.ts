import "server-only";
import type { Database } from "@/db/client";
import { findNotificationSound, findWaitingHandoff, writeNotificationSound } from "@/db/queries/notifications/handoff-notices";
import { findOverdueAfterSeconds, writeOverdueAfterSeconds } from "@/db/queries/notifications/overdue";
import { presenceOf } from "@/lib/services/availability";

/** What a desktop notification shows: the conversation to open and the shopper's first words, nothing else. */
export type HandoffNotice = { conversationId: string; preview: string | null };

/** Only the start of the shopper's question travels: enough to recognise it, no email or phone. */
const PREVIEW_CHARS = 120;
const firstWords = (text: string | null) => {
  const clean = text?.replace(/\s+/g, " ").trim();
  if (!clean) return null;
  return clean.length > PREVIEW_CHARS ? `${clean.slice(0, PREVIEW_CHARS - 1).trimEnd()}…` : clean;
};

/**
 * Whether this member's stream should raise a notification for a change to `conversationId`: a
 * new Baton Inbox handoff (created since `since`) nobody has claimed, and the member is Available
 * in this account right now (Away members get the live inbox update, not the notification).
 */
export async function handoffNoticeFor(
  db: Database,
  member: { accountId: string; userId: string; role?: "agent" | "lead" | "admin" },
  params: { conversationId: string; since: Date },
): Promise<HandoffNotice | null> {
  const handoff = await findWaitingHandoff(db, { accountId: member.accountId, ...params });
  if (!handoff) return null;
  if ((await presenceOf(db, member)) !== "available") return null;
  return { conversationId: handoff.conversationId, preview: firstWords(handoff.reason) };
}

/** The member's own sound choice (off until they turn it on). */
export const notificationSoundOf = (db: Database, member: { accountId: string; userId: string }) => findNotificationSound(db, member);

export async function setNotificationSound(db: Database, member: { accountId: string; userId: string }, sound: boolean) {
  await writeNotificationSound(db, { accountId: member.accountId, userId: member.userId, sound });
  return { sound };
}

/** The account's "waiting too long" threshold, in seconds. */
export const overdueThresholdOf = (db: Database, accountId: string) => findOverdueAfterSeconds(db, accountId);

export async function saveOverdueThreshold(db: Database, member: { accountId: string; userId: string }, seconds: number) {
  await writeOverdueAfterSeconds(db, { accountId: member.accountId, userId: member.userId, seconds });
  return { seconds };
}
