import "server-only";
import type { Database } from "@/db/client";
import {
  appendInboundAnswer,
  findConversationByMessageIds,
  findConversationForReply,
  insertInboundEmail,
  listMailToReview,
  markEmailsBounced,
} from "@/db/queries/inbound-emails";
import { sameMailbox } from "@/lib/email/inbound/address";
import { parseInbound, type InboundMessage } from "@/lib/email/inbound/parse";
import { readReplyToken, replyTokenSigned, tokenOfAddress } from "@/lib/email/inbound/reply-token";
import { env } from "@/lib/env";

export type InboundVia = "smtp" | "webhook";

/** What became of a received email. `refused` mail is answered with an error (SMTP 550, HTTP 422). */
export type InboundResult =
  | { outcome: "appended"; accountId: string; conversationId: string; eventId: number }
  | { outcome: "duplicate"; accountId: string; conversationId: string }
  | { outcome: "unmatched"; accountId: string; conversationId: string }
  | { outcome: "ignored"; reason: "automatic" }
  | { outcome: "bounce"; emailIds: string[] }
  | { outcome: "refused"; reason: "forged_token" | "no_conversation" | "not_in_inbox" };

type Found = { accountId: string; conversationId: string; shopperEmail: string | null; inInbox: boolean };

/** The conversation a reply token names, when its signature is that conversation's account's. */
async function conversationOfToken(db: Database, token: string): Promise<Found | null> {
  const read = readReplyToken(token);
  if (!read) return null;
  const conversation = await findConversationForReply(db, read.conversationId);
  return conversation && replyTokenSigned(read.signature, conversation) ? conversation : null;
}

/**
 * Whether Baton takes mail for this address: the bounce address or a reply address whose
 * token is genuine, at BATON_INBOUND_DOMAIN. The SMTP receiver asks at RCPT TO, so a forged
 * token is refused before any data is sent.
 */
export async function inboundRecipientStatus(db: Database, address: string): Promise<"accepted" | "unknown" | "forged"> {
  const domain = env().BATON_INBOUND_DOMAIN;
  if (!domain) return "unknown";
  if (address.trim().toLowerCase() === `bounces@${domain}`) return "accepted";
  const token = tokenOfAddress(address, domain);
  if (!token) return "unknown";
  return (await conversationOfToken(db, token)) ? "accepted" : "forged";
}

/** The conversation a message is for: a signed reply address it was sent to, else the email it answers. */
async function findConversation(db: Database, message: InboundMessage, envelope: string[]): Promise<Found | "forged" | null> {
  const domain = env().BATON_INBOUND_DOMAIN;
  const tokens = domain ? [...new Set([...envelope, ...message.recipients].map((a) => tokenOfAddress(a, domain)).filter((t) => t !== null))] : [];
  for (const token of tokens) {
    const found = await conversationOfToken(db, token);
    if (found) return found;
  }
  if (tokens.length > 0) return "forged";
  const threaded = await findConversationByMessageIds(db, message.answers);
  if (!threaded) return null;
  return (await findConversationForReply(db, threaded.conversationId)) ?? null;
}

async function recordBounce(db: Database, message: InboundMessage, via: InboundVia): Promise<InboundResult> {
  const bounce = message.bounce!;
  const failed = await markEmailsBounced(db, { messageIds: [...bounce.messageIds, ...message.answers], reason: bounce.reason });
  for (const email of failed) {
    await insertInboundEmail(db, {
      accountId: email.accountId,
      conversationId: email.conversationId,
      messageId: message.messageId,
      outcome: "bounce",
      via,
      fromAddress: message.from ?? "",
      subject: message.subject,
      text: message.text.slice(0, 4000),
      sizeBytes: message.sizeBytes,
      bouncedEmailId: email.id,
      bounceReason: bounce.reason,
    });
  }
  return { outcome: "bounce", emailIds: failed.map((e) => e.id) };
}

/**
 * One received email, from the SMTP receiver or the webhook (raw MIME). Automatic mail is
 * ignored; a bounce fails the email it returns; mail for a conversation from anyone but its
 * shopper is kept aside as unmatched; the shopper's answer becomes their message in the
 * conversation (quoted history and signature stripped, attachments listed), which reopens in
 * Baton Inbox waiting for the team. The same Message-ID is appended once. Open inboxes and the
 * shopper's widget learn of it through the change notifications the new event triggers.
 */
export async function receiveInboundEmail(db: Database, raw: Buffer, options: { via: InboundVia; envelopeRecipients?: string[] }): Promise<InboundResult> {
  const message = await parseInbound(raw);
  if (message.kind === "bounce") return recordBounce(db, message, options.via);
  if (message.kind === "automatic") return { outcome: "ignored", reason: "automatic" };

  const found = await findConversation(
    db,
    message,
    (options.envelopeRecipients ?? []).map((a) => a.toLowerCase()),
  );
  if (found === "forged") return { outcome: "refused", reason: "forged_token" };
  if (!found) return { outcome: "refused", reason: "no_conversation" };
  const scope = { accountId: found.accountId, conversationId: found.conversationId };
  const common = {
    accountId: found.accountId,
    conversationId: found.conversationId,
    messageId: message.messageId,
    via: options.via,
    fromAddress: message.from ?? "",
    subject: message.subject.slice(0, 998),
    text: message.text,
    attachments: message.attachments,
    sizeBytes: message.sizeBytes,
  };

  if (!message.from || !found.shopperEmail || !sameMailbox(message.from, found.shopperEmail)) {
    await insertInboundEmail(db, { ...common, outcome: "unmatched" });
    return { outcome: "unmatched", ...scope };
  }
  if (!found.inInbox) return { outcome: "refused", reason: "not_in_inbox" };

  // Two statements per answer on this path (the conversation, then one that appends, reopens and
  // records): the SMTP receiver's throughput is bounded by round trips to the database.
  const appended = await appendInboundAnswer(db, common);
  if (!appended) return { outcome: "duplicate", ...scope };
  return { outcome: "appended", ...scope, eventId: appended.eventId };
}

/** Unmatched senders and bounces of the account, for its admins (Integrations page). */
export async function mailToReview(db: Database, accountId: string) {
  return listMailToReview(db, { accountId, limit: 50 });
}
