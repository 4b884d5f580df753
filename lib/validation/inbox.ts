import { z } from "zod";

export const inboxFilterSchema = z.object({
  assignee: z.enum(["unassigned", "mine", "all"]).catch("all"),
  state: z.enum(["open", "closed"]).catch("open"),
  channel: z.enum(["web_chat", "sms"]).optional().catch(undefined),
});

export const conversationRefSchema = z.object({ conversationId: z.uuid() });
export const agentReplySchema = conversationRefSchema.extend({
  text: z.string().trim().min(1, { error: "reply_required" }).max(4000, { error: "reply_too_long" }),
});
export const emailRefSchema = conversationRefSchema.extend({ emailId: z.uuid() });
