"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { retryEmailNow } from "@/lib/services/email-outbox";
import { retryForwardingOfConversation } from "@/lib/services/escalation-delivery";
import { claimConversation, closeConversation, replyToConversation } from "@/lib/services/inbox";
import { agentReplySchema, conversationRefSchema, emailRefSchema } from "@/lib/validation/inbox";

const agentOf = (m: { accountId: string; userId: string; name: string }) => ({ accountId: m.accountId, userId: m.userId, name: m.name });
const done = (conversationId: string) => {
  revalidatePath("/inbox");
  revalidatePath(`/inbox/${conversationId}`);
  return { conversationId };
};

export async function claimAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "claim", role: "agent", schema: conversationRefSchema, input: { conversationId: form.get("conversationId") } },
    async (member, input) => {
      await claimConversation(await getDb(), agentOf(member), input.conversationId);
      return done(input.conversationId);
    },
  );
}

export async function replyAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "reply", role: "agent", schema: agentReplySchema, input: { conversationId: form.get("conversationId"), text: form.get("text") ?? "" } },
    async (member, input) => {
      // The reply is saved with its email; the outbox, woken by the reply's commit, sends it.
      await replyToConversation(await getDb(), agentOf(member), input.conversationId, input.text);
      return done(input.conversationId);
    },
  );
}

export async function closeAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "close", role: "agent", schema: conversationRefSchema, input: { conversationId: form.get("conversationId") } },
    async (member, input) => {
      await closeConversation(await getDb(), agentOf(member), input.conversationId);
      return done(input.conversationId);
    },
  );
}

/** Sends a failed reply email again (its conversation's account only). */
export async function retryEmailAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "retryEmail", role: "agent", schema: emailRefSchema, input: { conversationId: form.get("conversationId"), emailId: form.get("emailId") } },
    async (member, input) => {
      await retryEmailNow(await getDb(), { accountId: member.accountId, id: input.emailId });
      return done(input.conversationId);
    },
  );
}

/**
 * "Retry now" on a conversation whose forwarding failed or waits: one attempt at once (none if a
 * worker is already attempting it). Any member who sees the conversation may: the helpdesk
 * deduplicates, so a retry can never make a second ticket.
 */
export async function retryForwardingAction(
  _: ActionResult<{ outcome: string | null }> | null,
  form: FormData,
): Promise<ActionResult<{ outcome: string | null }>> {
  return runAction(
    { name: "retryForwarding", role: "agent", schema: conversationRefSchema, input: { conversationId: form.get("conversationId") } },
    async (member, input) => {
      const outcome = await retryForwardingOfConversation(await getDb(), { accountId: member.accountId, conversationId: input.conversationId });
      done(input.conversationId);
      revalidatePath("/integrations");
      return { outcome };
    },
  );
}
