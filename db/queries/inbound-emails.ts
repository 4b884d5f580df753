import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations } from "@/db/schema/conversations";
import { emailOutbox } from "@/db/schema/email-outbox";
import { escalations } from "@/db/schema/escalations";
import { inboundEmails } from "@/db/schema/inbound-emails";

export type InboundEmail = typeof inboundEmails.$inferSelect;

/**
 * The conversation a reply address names, in any account: the token carries no account, its
 * signature is checked against this row's account by the caller before anything is read from it.
 */
export async function findConversationForReply(db: Database, conversationId: string) {
  const rows = await db
    .select({ accountId: conversations.accountId, conversationId: conversations.id, shopperEmail: conversations.shopperEmail })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The conversation an answered Message-ID belongs to: one of Baton's emails, or a shopper's email
 * already appended (a shopper answering their own message). Newest first.
 */
export async function findConversationByMessageIds(db: Database, messageIds: string[]) {
  if (messageIds.length === 0) return null;
  const [sent] = await db
    .select({ accountId: emailOutbox.accountId, conversationId: emailOutbox.conversationId })
    .from(emailOutbox)
    .where(inArray(emailOutbox.messageId, messageIds))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  if (sent) return sent;
  const [received] = await db
    .select({ accountId: inboundEmails.accountId, conversationId: inboundEmails.conversationId })
    .from(inboundEmails)
    .where(and(inArray(inboundEmails.messageId, messageIds), eq(inboundEmails.outcome, "appended")))
    .orderBy(desc(inboundEmails.receivedAt))
    .limit(1);
  return received?.conversationId ? { accountId: received.accountId, conversationId: received.conversationId } : null;
}

/** Records a received email once per account and Message-ID; null when it was already recorded. */
export async function insertInboundEmail(db: Database, values: typeof inboundEmails.$inferInsert): Promise<InboundEmail | null> {
  const [row] = await db.insert(inboundEmails).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setInboundEmailEvent(db: Database, params: { accountId: string; id: string; eventId: number }) {
  await db
    .update(inboundEmails)
    .set({ eventId: params.eventId })
    .where(and(eq(inboundEmails.accountId, params.accountId), eq(inboundEmails.id, params.id)));
}

/**
 * The shopper answered: the conversation is open again in Baton Inbox (whoever had claimed it
 * keeps it) and waits for the team from now, unless it already did.
 */
export async function reopenForShopperReply(db: Database, params: { accountId: string; conversationId: string }) {
  await db
    .update(escalations)
    .set({ closedAt: null, closedBy: null, closedAs: null, shopperRepliedAt: sql`coalesce(${escalations.shopperRepliedAt}, now())`, updatedAt: sql`now()` })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.conversationId, params.conversationId)));
}

/** A human answered: the conversation no longer waits for the team. */
export async function clearShopperReplied(db: Database, params: { accountId: string; conversationId: string }) {
  await db
    .update(escalations)
    .set({ shopperRepliedAt: null })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.conversationId, params.conversationId)));
}

/** The conversation's email thread so far: Baton's emails and the shopper's appended ones, oldest first. */
export async function listThreadMessageIds(db: Database, params: { accountId: string; conversationId: string }) {
  const sent = await db
    .select({ messageId: emailOutbox.messageId, subject: emailOutbox.subject, at: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.accountId, params.accountId), eq(emailOutbox.conversationId, params.conversationId)))
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
  const received = await db
    .select({ messageId: inboundEmails.messageId, subject: sql<string | null>`null`, at: inboundEmails.receivedAt })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.accountId, params.accountId), eq(inboundEmails.conversationId, params.conversationId), eq(inboundEmails.outcome, "appended")));
  return [...sent, ...received].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

/** A bounce names these messages: the ones Baton sent fail, with the server's reason. */
export async function markEmailsBounced(db: Database, params: { messageIds: string[]; reason: string }) {
  if (params.messageIds.length === 0) return [];
  return db
    .update(emailOutbox)
    .set({ status: "failed", bouncedAt: sql`now()`, lastError: params.reason, updatedAt: sql`now()` })
    .where(and(inArray(emailOutbox.messageId, params.messageIds), isNull(emailOutbox.bouncedAt)))
    .returning({ id: emailOutbox.id, accountId: emailOutbox.accountId, conversationId: emailOutbox.conversationId, toAddress: emailOutbox.toAddress });
}

/** Mail an admin should look at: unmatched senders and bounces, newest first. */
export async function listMailToReview(db: Database, params: { accountId: string; limit: number }) {
  return db
    .select({
      id: inboundEmails.id,
      outcome: inboundEmails.outcome,
      conversationId: inboundEmails.conversationId,
      fromAddress: inboundEmails.fromAddress,
      subject: inboundEmails.subject,
      text: inboundEmails.text,
      bounceReason: inboundEmails.bounceReason,
      bouncedTo: emailOutbox.toAddress,
      receivedAt: inboundEmails.receivedAt,
    })
    .from(inboundEmails)
    .leftJoin(emailOutbox, eq(emailOutbox.id, inboundEmails.bouncedEmailId))
    .where(and(eq(inboundEmails.accountId, params.accountId), or(eq(inboundEmails.outcome, "unmatched"), eq(inboundEmails.outcome, "bounce"))))
    .orderBy(desc(inboundEmails.receivedAt))
    .limit(params.limit);
}
