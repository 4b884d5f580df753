// GET /api/widget/v1/conversations/{id} — the conversation's status, shopper and escalation (ticket id and link).
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { summarizeConversation } from "@/lib/services/conversations";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  GET: async (ctx) => Response.json(await summarizeConversation(ctx.db, conversationCaller(ctx))),
});
