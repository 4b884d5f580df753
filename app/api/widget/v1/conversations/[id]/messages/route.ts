// POST /api/widget/v1/conversations/{id}/messages — a shopper message; answers with the Customer Agent's reply.
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { handleShopperMessage } from "@/lib/services/conversations";
import { shopperMessageSchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => {
    const caller = conversationCaller(ctx);
    const { text } = parseOr422(shopperMessageSchema, ctx.body ?? {});
    const reply = await handleShopperMessage(ctx.db, caller, text);
    return Response.json({ reply });
  },
});
