import "server-only";
import type { Database } from "@/db/client";
import { claimDueEmails, finishEmailAttempt, insertOutboxEmail, listConversationEmails, requeueEmail, type OutboxEmail } from "@/db/queries/email-outbox";
import { findAccountName } from "@/db/queries/accounts/memberships";
import { logOutboxAttempt } from "@/db/queries/outbox";
import { isEmailError, sendEmail, smtpConfigured, smtpFromAddress } from "@/lib/email/smtp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { randomUUID } from "node:crypto";
import { listMessages } from "@/db/queries/conversations";
import { listThreadMessageIds } from "@/db/queries/inbound-emails";
import { replyAddress, replyToken } from "@/lib/email/inbound/reply-token";
import { composeReplyEmail } from "@/lib/email/reply-email";
import { retryAt, type OutboxPolicy } from "@/lib/outbox/policy";
import { conversationLocale } from "@/lib/services/shopper-language";
import { logFailure } from "@/lib/log-failure";

/** Reply emails: EMAIL_MAX_ATTEMPTS attempts, doubling from EMAIL_BACKOFF_MS. */
export const emailPolicy = (): OutboxPolicy => ({
  maxAttempts: env().EMAIL_MAX_ATTEMPTS,
  baseDelayMs: env().EMAIL_BACKOFF_MS,
  maxDelayMs: 30 * 60_000,
  leaseMs: 60_000,
});

type InboxItem = {
  conversationId: string;
  followUp: "chat" | "email" | "sms" | null;
  shopperEmail: string | null;
  shopperName: string | null;
  reason: string | null;
  locale: string;
};

/** Replies go by email when the conversation continues by email (decided at the handoff) and an address is known. */
export const repliesByEmail = (item: Pick<InboxItem, "followUp" | "shopperEmail">) => item.followUp === "email" && Boolean(item.shopperEmail);

/**
 * Queues an agent's reply as an email when the conversation continues by email. Call it in the
 * reply's own transaction: if the reply is saved, so is its email. Returns the email, if any.
 */
export async function queueReplyEmail(
  db: Database,
  params: { accountId: string; item: InboxItem; agentName: string; eventId: number; reply: string },
): Promise<OutboxEmail | null> {
  const { item } = params;
  if (!repliesByEmail(item)) return null;
  const store = (await findAccountName(db, params.accountId)) ?? "";
  const scope = { accountId: params.accountId, conversationId: item.conversationId };
  const [thread, messages] = await Promise.all([listThreadMessageIds(db, scope), listMessages(db, scope)]);
  const domain = env().BATON_INBOUND_DOMAIN;
  const id = randomUUID();
  const { subject, body, html } = composeReplyEmail({
    store,
    shopperName: item.shopperName,
    agentName: params.agentName,
    reply: params.reply,
    question: item.reason,
    locale: conversationLocale(item),
    subject: thread.find((m) => m.subject)?.subject,
    canReply: Boolean(domain),
    // The messages before this reply (the reply is the newest event of this transaction).
    history: messages
      .slice(0, -1)
      .map((m) => ({ author: m.author, text: m.text, at: new Date(m.at), name: typeof m.data?.name === "string" ? m.data.name : null })),
  });
  // One thread per conversation: answer the newest message, name the whole thread (the first
  // email is its root; RFC 5322 lets References be shortened, keeping the root).
  const ids = thread.map((m) => m.messageId);
  const references = ids.length > 20 ? [ids[0]!, ...ids.slice(-19)] : ids;
  return insertOutboxEmail(db, {
    id,
    accountId: params.accountId,
    conversationId: item.conversationId,
    eventId: params.eventId,
    toAddress: item.shopperEmail!,
    subject,
    body,
    html,
    messageId: `<${id}@${messageIdDomain()}>`,
    inReplyTo: ids.at(-1) ?? null,
    references,
  });
}

/** Message-IDs are Baton's: under the inbound domain when there is one, else SMTP_FROM's. */
const messageIdDomain = () => env().BATON_INBOUND_DOMAIN ?? (smtpFromAddress().split("@")[1] || "baton.invalid");

/** Where the shopper's answer goes: the conversation's signed reply address, when inbound email is set up. */
function replyToOf(email: OutboxEmail) {
  const domain = env().BATON_INBOUND_DOMAIN;
  return domain ? replyAddress(replyToken({ accountId: email.accountId, conversationId: email.conversationId }), domain) : undefined;
}

export type EmailOutcome = "sent" | "retrying" | "failed" | "abandoned";

/**
 * One attempt at a claimed email. A refusal (5xx) fails at once, anything else is retried with
 * backoff until the attempts run out; a failed email stays visible and an agent can retry it.
 * Delivery is at least once: a worker that dies after the server accepted the message but before
 * recording it sends it again when the lease ends (the Message-ID stays the same).
 */
export async function processEmail(db: Database, email: OutboxEmail, options: { policy?: OutboxPolicy; killed?: AbortSignal } = {}): Promise<EmailOutcome> {
  const attempt = await attemptSend(db, email, options.policy ?? emailPolicy(), options.killed);
  if (attempt.outcome !== "abandoned") {
    await logOutboxAttempt(db, {
      accountId: email.accountId,
      kind: "email",
      jobId: email.id,
      attempt: email.attempts,
      outcome: attempt.outcome,
      error: attempt.error,
    });
  }
  return attempt.outcome;
}

async function attemptSend(
  db: Database,
  email: OutboxEmail,
  policy: OutboxPolicy,
  killed?: AbortSignal,
): Promise<{ outcome: EmailOutcome; error: string | null }> {
  try {
    const replyTo = replyToOf(email);
    const domain = env().BATON_INBOUND_DOMAIN;
    await sendEmail(
      {
        to: email.toAddress,
        subject: email.subject,
        text: email.body,
        html: email.html ?? undefined,
        messageId: email.messageId,
        inReplyTo: email.inReplyTo,
        references: email.references,
        replyTo: replyTo
          ? {
              name:
                env()
                  .SMTP_FROM.replace(/\s*<[^>]*>\s*$/, "")
                  .trim() || "Baton",
              address: replyTo,
            }
          : undefined,
        // Bounces come back to the receiver, which marks this email failed.
        returnPath: domain ? `bounces@${domain}` : undefined,
      },
      { signal: killed },
    );
    if (killed?.aborted) return { outcome: "abandoned", error: null };
    await finishEmailAttempt(db, email.id, { status: "sent" });
    return { outcome: "sent", error: null };
  } catch (error) {
    if (killed?.aborted) return { outcome: "abandoned", error: null };
    if (!isEmailError(error)) logFailure(`email ${email.id}`, error);
    const lastError = isEmailError(error) ? error.message : "Unexpected error while sending.";
    if ((isEmailError(error) && error.permanent) || email.attempts >= policy.maxAttempts) {
      await finishEmailAttempt(db, email.id, { status: "failed", lastError });
      return { outcome: "failed", error: lastError };
    }
    await finishEmailAttempt(db, email.id, { status: "queued", lastError, retryAt: retryAt(email.attempts, policy) });
    return { outcome: "retrying", error: lastError };
  }
}

/** Sends a just-queued email now, when SMTP is configured and no worker has claimed it. */
export async function deliverEmailNow(db: Database, id: string): Promise<EmailOutcome | null> {
  if (!smtpConfigured()) return null;
  const policy = emailPolicy();
  const [claimed] = await claimDueEmails(db, { limit: 1, leaseMs: policy.leaseMs, ids: [id] });
  return claimed ? processEmail(db, claimed, { policy }) : null;
}

/** Makes a failed email of the account due again at once. */
export async function retryEmail(db: Database, params: { accountId: string; id: string }) {
  if (!(await requeueEmail(db, params))) throw new AppError("not_found", "not_found");
}

/** An agent's "Retry": due again, and one attempt started without holding up the answer. */
export async function retryEmailNow(db: Database, params: { accountId: string; id: string }) {
  await retryEmail(db, params);
  void deliverEmailNow(db, params.id).catch((error: unknown) => logFailure("email send", error));
}

/** The conversation's reply emails for the inbox view, and whether this server can send them at all. */
export async function conversationEmails(db: Database, params: { accountId: string; conversationId: string }) {
  return { emails: await listConversationEmails(db, params), canSend: smtpConfigured() };
}
