import "server-only";
import type { Database } from "@/db/client";
import { appendEvents, listMessages } from "@/db/queries/conversations";
import { clearShopperReplied } from "@/db/queries/inbound-emails";
import { claimInboxItem, closeInboxItem, findInboxItem, markFirstHumanReply } from "@/db/queries/escalations/inbox";
import { AppError } from "@/lib/errors";
import { queueReplyEmail } from "@/lib/services/email-outbox";
import { recordWebhookEvent } from "@/lib/services/webhook-events";

type Agent = { accountId: string; userId: string; name: string };

async function itemFor(db: Database, agent: Agent, conversationId: string) {
  const item = await findInboxItem(db, { accountId: agent.accountId, conversationId });
  if (!item) throw new AppError("not_found", "not_found");
  return item;
}

/** The conversation with its transcript, for the inbox view. */
export async function openInboxConversation(db: Database, agent: Omit<Agent, "name">, conversationId: string) {
  const item = await findInboxItem(db, { accountId: agent.accountId, conversationId });
  if (!item) return null;
  const transcript = await listMessages(db, { accountId: agent.accountId, conversationId });
  return { item, transcript };
}

/** Takes ownership. Two agents claiming at once: one wins, the other is told who has it. */
export async function claimConversation(db: Database, agent: Agent, conversationId: string) {
  const item = await itemFor(db, agent, conversationId);
  // The claim and its event commit together (inside a reply's transaction, as part of it).
  await db.transaction(async (tx) => {
    if (!(await claimInboxItem(tx, { accountId: agent.accountId, escalationId: item.escalationId, userId: agent.userId }))) {
      throw new AppError("conflict", "already_claimed");
    }
    await recordWebhookEvent(tx, {
      accountId: agent.accountId,
      type: "conversation.claimed",
      conversationId,
      escalationId: item.escalationId,
      data: { agent: { id: agent.userId, name: agent.name } },
    });
  });
}

/**
 * A human reply. It becomes a conversation event, so the shopper's open widget shows it at once
 * (and, for SMS, the gateway reads it as an outbound message). Only the owner replies; replying
 * to an unclaimed conversation claims it. When the conversation continues by email, the reply is
 * also queued as an email, in the same transaction; returns that email's id for sending.
 */
export async function replyToConversation(db: Database, agent: Agent, conversationId: string, text: string): Promise<{ emailId: string | null }> {
  const item = await itemFor(db, agent, conversationId);
  if (item.closedAt) throw new AppError("conflict", "closed");
  // The claim is part of the reply's transaction: a reply that fails leaves nobody's name on it.
  return db.transaction(async (tx) => {
    if (item.assigneeId !== agent.userId) await claimConversation(tx, agent, conversationId);
    const [event] = await appendEvents(tx, { accountId: agent.accountId, id: conversationId }, [
      { type: "message", author: "human", text, data: { name: agent.name, ...(item.channel === "sms" ? { outboundSms: true } : {}) } },
    ]);
    await markFirstHumanReply(tx, { accountId: agent.accountId, escalationId: item.escalationId });
    await clearShopperReplied(tx, { accountId: agent.accountId, conversationId });
    const email = await queueReplyEmail(tx, { accountId: agent.accountId, item, agentName: agent.name, eventId: event!.id, reply: text });
    await recordWebhookEvent(tx, {
      accountId: agent.accountId,
      type: "conversation.agent_replied",
      conversationId,
      escalationId: item.escalationId,
      data: { agent: { id: agent.userId, name: agent.name }, text, followUp: item.followUp },
    });
    return { emailId: email?.id ?? null };
  });
}

/** Closes it for good: the shopper's chat ends at once, so it asks first (there is no undo). */
export async function closeConversation(db: Database, agent: Agent, conversationId: string) {
  const item = await itemFor(db, agent, conversationId);
  await db.transaction(async (tx) => {
    if (!(await closeInboxItem(tx, { accountId: agent.accountId, escalationId: item.escalationId, userId: agent.userId }))) return;
    await appendEvents(tx, { accountId: agent.accountId, id: conversationId }, [{ type: "session_ended", data: { closedBy: agent.name } }]);
    await recordWebhookEvent(tx, {
      accountId: agent.accountId,
      type: "conversation.closed",
      conversationId,
      escalationId: item.escalationId,
      data: { agent: { id: agent.userId, name: agent.name } },
    });
  });
}
