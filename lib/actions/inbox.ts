"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deliverEmailNow, retryEmail } from "@/lib/services/email-outbox";
import { claimConversation, closeConversation, replyToConversation } from "@/lib/services/inbox";
import { agentReplySchema, conversationRefSchema, emailRefSchema } from "@/lib/validation/inbox";
import { logFailure } from "@/lib/log-failure";

const agentOf = (m: { accountId: string; userId: string; name: string }) => ({ accountId: m.accountId, userId: m.userId, name: m.name });
const done = (conversationId: string) => {
  revalidatePath("/inbox");
  revalidatePath(`/inbox/${conversationId}`);
  return { conversationId };
};

export async function claimAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction({ name: "claim", role: "agent", schema: conversationRefSchema, input: { conversationId: form.get("conversationId") } }, async (member, input) => {
    await claimConversation(await getDb(), agentOf(member), input.conversationId);
    return done(input.conversationId);
  });
}

export async function replyAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "reply", role: "agent", schema: agentReplySchema, input: { conversationId: form.get("conversationId"), text: form.get("text") ?? "" } },
    async (member, input) => {
      const db = await getDb();
      const { emailId } = await replyToConversation(db, agentOf(member), input.conversationId, input.text);
      // The reply is saved with its email; sending starts now, and the worker retries failures.
      if (emailId) void deliverEmailNow(db, emailId).catch((error: unknown) => logFailure("email send", error));
      return done(input.conversationId);
    },
  );
}

export async function closeAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction({ name: "close", role: "agent", schema: conversationRefSchema, input: { conversationId: form.get("conversationId") } }, async (member, input) => {
    await closeConversation(await getDb(), agentOf(member), input.conversationId);
    return done(input.conversationId);
  });
}

/** Sends a failed reply email again (its conversation's account only). */
export async function retryEmailAction(_: ActionResult<{ conversationId: string }> | null, form: FormData) {
  return runAction(
    { name: "retryEmail", role: "agent", schema: emailRefSchema, input: { conversationId: form.get("conversationId"), emailId: form.get("emailId") } },
    async (member, input) => {
      const db = await getDb();
      await retryEmail(db, { accountId: member.accountId, id: input.emailId });
      void deliverEmailNow(db, input.emailId).catch((error: unknown) => logFailure("email send", error));
      return done(input.conversationId);
    },
  );
}
