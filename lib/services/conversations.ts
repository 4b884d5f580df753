import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Database } from "@/db/client";
import {
  appendEvents,
  findConversation,
  insertConversation,
  listEventsAfter,
  lockConversation,
  updateConversation,
  type Conversation,
} from "@/db/queries/conversations";
import { findEscalationOfConversation } from "@/db/queries/escalations";
import { findLatestAnswer } from "@/db/queries/conversations/answer-feedback";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { findAnswer } from "@/lib/services/answerer";
import { conversationLocale } from "@/lib/services/shopper-language";
import { requireAgentEnabled } from "@/lib/services/agent-switch";
import { applyHandoff, replyFor } from "@/lib/services/handoff-rules";
import type { KeyKind } from "@/lib/services/widget-keys";
import { verifyShopperIdentity } from "@/lib/services/shopper-identity";
import type { StartConversationInput } from "@/lib/validation/widget";
import type { AgentReply, ConversationEvent, ConversationSummary } from "@/lib/widget/contract";
import { AppError } from "@/lib/errors";
import { asDestinationId } from "@/lib/helpdesks/registry";

const hashToken = (token: string) => createHash("sha256").update(token).digest();

/** Starts a conversation in the shopper's language (negotiated by the caller): every later step and email uses it. */
export async function startConversation(db: Database, params: { accountId: string; input: StartConversationInput; locale: ShopperLocale }) {
  await requireAgentEnabled(db, params.accountId);
  const token = `ct_${randomBytes(24).toString("base64url")}`;
  const { channel } = params.input;
  // A signed identity replaces whatever the page said about the shopper; a bad one is refused.
  const verified = params.input.identity ? await verifyShopperIdentity(db, params.accountId, params.input.identity) : null;
  const shopper = verified ?? params.input.shopper;
  const conversation = await insertConversation(db, {
    shopperVerified: verified !== null,
    accountId: params.accountId,
    channel,
    shopperEmail: shopper.email ?? null,
    shopperPhone: "phone" in shopper ? (shopper.phone ?? null) : null,
    shopperProfileId: shopper.profileId ?? null,
    shopperName: shopper.name ?? null,
    tokenHash: hashToken(token).toString("hex"),
    locale: params.locale,
  });
  return {
    id: conversation.id,
    token,
    channel,
    locale: params.locale,
    verified: conversation.shopperVerified,
    createdAt: conversation.createdAt.toISOString(),
  };
}

/**
 * The conversation a caller may act on: one of the key's account, and, for browsers (publishable
 * keys), only with the conversation token issued when it started. Secret keys (servers) need no
 * token. Locked for the rest of the transaction, unless only read.
 */
async function authorize(db: Database, params: { accountId: string; id: string; token: string | null; keyKind: KeyKind }, lock = true): Promise<Conversation> {
  const conversation = lock ? await lockConversation(db, params) : await findConversation(db, params);
  if (!conversation) throw new AppError("not_found", "No such conversation.");
  if (params.keyKind === "publishable") {
    const expected = conversation.tokenHash ? Buffer.from(conversation.tokenHash, "hex") : null;
    const given = params.token ? hashToken(params.token) : null;
    if (!expected || !given || !timingSafeEqual(expected, given)) {
      throw new AppError("invalid_conversation_token", "Send this conversation's token as X-Conversation-Token.");
    }
  }
  return conversation;
}

type Caller = { accountId: string; id: string; token: string | null; keyKind: KeyKind };

/** A shopper's message and the Customer Agent's reply: an answer, or the handoff rules. */
export async function handleShopperMessage(db: Database, caller: Caller, text: string): Promise<AgentReply> {
  return db.transaction(async (tx) => {
    const c = await authorize(tx, caller);
    if (c.sessionEnded) throw new AppError("conversation_closed", "This chat has ended; the team follows up by email or SMS.");
    // A conversation already with the team is the team's: turning the agent off does not cut it.
    if (c.status !== "routed") await requireAgentEnabled(tx, c.accountId);
    await appendEvents(tx, c, [{ type: "message", author: "shopper", text }]);
    if (c.status === "routed") return { type: "waiting_for_human", text: null };
    const match = await findAnswer(tx, { accountId: c.accountId, text, locale: c.locale });
    if (match) {
      // The answer records its entry: per-entry stats and the Knowledge tab's 30-day count read it.
      await appendEvents(tx, c, [{ type: "message", author: "assistant", text: match.answer, data: { knowledgeEntryId: match.entryId, score: match.score } }]);
      return { type: "answer", text: match.answer };
    }
    const texts = shopperTexts(conversationLocale(c));
    return replyFor(await applyHandoff(tx, { conversation: c, reason: text, texts }), texts);
  });
}

/** The shopper's answer to the offer of a human: consent (and an email when one is needed). */
export async function answerHandoff(db: Database, caller: Caller, answer: { consent: boolean; email?: string }): Promise<AgentReply> {
  return db.transaction(async (tx) => {
    const c = await authorize(tx, caller);
    if (c.sessionEnded || c.status === "routed") throw new AppError("conversation_closed", "This conversation was already handed to the team.");
    await requireAgentEnabled(tx, c.accountId);
    const texts = shopperTexts(conversationLocale(c));
    return replyFor(await applyHandoff(tx, { conversation: c, consent: answer.consent, email: answer.email, texts }), texts);
  });
}

/** The shopper's question was answered. Repeating it is harmless; after a handoff it is refused. */
export async function resolveConversation(db: Database, caller: Caller) {
  return db.transaction(async (tx) => {
    const c = await authorize(tx, caller);
    if (c.status === "resolved") return { status: c.status };
    if (c.status !== "open") throw new AppError("conversation_closed", `This conversation already ended as ${c.status}.`);
    await requireAgentEnabled(tx, c.accountId);
    await appendEvents(tx, c, [{ type: "resolved" }]);
    await updateConversation(tx, c, { status: "resolved", pendingHandoff: null });
    return { status: "resolved" as const };
  });
}

/**
 * The shopper's answer to "Did that answer your question?" after the agent's latest answer. Yes
 * resolves the conversation; No goes to the handoff rules at once, with the question the answer
 * missed as the reason. Either is recorded (an `answer_feedback` event with the entry) for the
 * entry's figures. Repeating the same verdict is harmless; one answer gets one verdict.
 */
export async function answerFeedback(db: Database, caller: Caller, helpful: boolean): Promise<{ status: Conversation["status"]; reply: AgentReply | null }> {
  return db.transaction(async (tx) => {
    const c = await authorize(tx, caller);
    if (c.sessionEnded || !["open", "resolved"].includes(c.status))
      throw new AppError("conversation_closed", `This conversation already ended as ${c.status}.`);
    const answer = await findLatestAnswer(tx, { accountId: c.accountId, conversationId: c.id });
    if (!answer) throw new AppError("no_answer", "The agent has not answered anything in this conversation yet.");
    if (answer.helpful !== null) {
      if (answer.helpful === helpful) return { status: c.status, reply: null };
      throw new AppError("no_answer", "This answer already has the shopper's verdict.");
    }
    await requireAgentEnabled(tx, c.accountId);
    const texts = shopperTexts(conversationLocale(c));
    const feedback = { type: "answer_feedback" as const, data: { helpful, knowledgeEntryId: answer.knowledgeEntryId, answerEventId: answer.eventId } };
    if (helpful) {
      const resolved = c.status === "resolved" ? [] : [{ type: "resolved" as const }];
      await appendEvents(tx, c, [feedback, { type: "message", author: "assistant", text: texts("feedbackThanks") }, ...resolved]);
      await updateConversation(tx, c, { status: "resolved", pendingHandoff: null });
      return { status: "resolved" as const, reply: { type: "answer" as const, text: texts("feedbackThanks") } };
    }
    await appendEvents(tx, c, [feedback]);
    // A conversation resolved earlier (POST /resolve) is open again: the shopper says it was not.
    if (c.status === "resolved") await updateConversation(tx, c, { status: "open" });
    const conversation = { ...c, status: "open" as const };
    const reply = replyFor(await applyHandoff(tx, { conversation, reason: answer.question ?? c.reason, texts }), texts);
    const after = await findConversation(tx, c);
    return { status: after?.status ?? "open", reply };
  });
}

export async function readEvents(db: Database, caller: Caller, after: number): Promise<ConversationEvent[]> {
  await authorize(db, caller, false);
  const rows = await listEventsAfter(db, { accountId: caller.accountId, conversationId: caller.id, after });
  return rows.map((e) => ({ id: e.id, type: e.type, author: e.author, text: e.text, data: e.data ?? null, at: e.at.toISOString() }));
}

/** What a caller may know about its own conversation: status, shopper, escalation. */
export async function summarizeConversation(db: Database, caller: Caller): Promise<ConversationSummary> {
  const c = await authorize(db, caller, false);
  const escalation = await findEscalationOfConversation(db, { accountId: c.accountId, conversationId: c.id });
  return {
    id: c.id,
    channel: c.channel,
    status: c.status,
    sessionEnded: c.sessionEnded,
    shopper: { email: c.shopperEmail, phone: c.shopperPhone, profileId: c.shopperProfileId, name: c.shopperName, verified: c.shopperVerified },
    reason: c.reason,
    escalation: escalation
      ? {
          id: escalation.id,
          destination: asDestinationId(escalation.destination),
          status: escalation.status,
          ticketId: escalation.externalTicketId,
          ticketUrl: escalation.externalUrl,
        }
      : null,
    createdAt: c.createdAt.toISOString(),
  };
}
