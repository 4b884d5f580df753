import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversations } from "@/db/schema/conversations";
import { emailOutbox } from "@/db/schema/email-outbox";
import { escalations } from "@/db/schema/escalations";
import { inboundEmails, type InboundAttachment } from "@/db/schema/inbound-emails";
import { inInbox } from "@/db/queries/escalations/inbox";

export type InboundEmail = typeof inboundEmails.$inferSelect;

/**
 * The conversation a reply address names, in any account, and whether Baton Inbox holds it (one
 * statement: it runs at RCPT TO and again for the message). The token carries no account: its
 * signature is checked against this row's account by the caller before anything is read from it.
 */
export async function findConversationForReply(db: Database, conversationId: string) {
  const rows = await db
    .select({
      accountId: conversations.accountId,
      conversationId: conversations.id,
      shopperEmail: conversations.shopperEmail,
      inInbox: sql<boolean>`${escalations.id} is not null`,
    })
    .from(conversations)
    .leftJoin(escalations, and(eq(escalations.accountId, conversations.accountId), eq(escalations.conversationId, conversations.id), inInbox))
    .where(eq(conversations.id, conversationId))
    .orderBy(sql`${escalations.id} is null`)
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

/**
 * The shopper's answer, appended in one statement (atomic without a transaction, so the receiver's
 * hot path is one round trip): the inbound_emails row (once per account and Message-ID), the
 * shopper's message event it points at (its id taken from the events' sequence up front), and the
 * escalation reopened and waiting for the team. Null when that Message-ID was already appended.
 */
export async function appendInboundAnswer(
  db: Database,
  values: {
    accountId: string;
    conversationId: string;
    messageId: string;
    via: "smtp" | "webhook";
    fromAddress: string;
    subject: string;
    text: string;
    attachments: InboundAttachment[];
    sizeBytes: number;
  },
): Promise<{ inboundEmailId: string; eventId: number } | null> {
  const { accountId, conversationId } = values;
  const extra = values.attachments.length > 0 ? { attachments: values.attachments } : {};
  const result = await db.execute(sql`
    with next_event as (select nextval(pg_get_serial_sequence('conversation_events', 'id')) as id),
    inbound as (
      insert into inbound_emails (account_id, conversation_id, message_id, outcome, via, from_address, subject, text, attachments, size_bytes, event_id)
      select ${accountId}, ${conversationId}, ${values.messageId}, 'appended', ${values.via}, ${values.fromAddress}, ${values.subject}, ${values.text},
        ${JSON.stringify(values.attachments)}::jsonb, ${values.sizeBytes}, next_event.id
      from next_event
      on conflict (account_id, message_id) do nothing
      returning id, event_id
    ),
    event as (
      insert into conversation_events (id, account_id, conversation_id, type, author, text, data)
      select inbound.event_id, ${accountId}, ${conversationId}, 'message', 'shopper', ${values.text},
        jsonb_build_object('channel', 'email', 'inboundEmailId', inbound.id) || ${JSON.stringify(extra)}::jsonb
      from inbound
      returning id
    ),
    reopened as (
      update escalations
      set closed_at = null, closed_by = null, closed_as = null, shopper_replied_at = coalesce(shopper_replied_at, now()), updated_at = now()
      where account_id = ${accountId} and conversation_id = ${conversationId} and exists (select 1 from inbound)
      returning 1
    )
    select inbound.id as "inboundEmailId", event.id as "eventId" from inbound, event
  `);
  const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as Array<{ inboundEmailId: string; eventId: string | number }>;
  const row = rows[0];
  return row ? { inboundEmailId: row.inboundEmailId, eventId: Number(row.eventId) } : null;
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
