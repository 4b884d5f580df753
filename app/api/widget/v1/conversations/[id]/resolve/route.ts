// POST /api/widget/v1/conversations/{id}/resolve — the shopper's question was answered.
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { resolveConversation } from "@/lib/services/conversations";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => Response.json(await resolveConversation(ctx.db, conversationCaller(ctx))),
});
