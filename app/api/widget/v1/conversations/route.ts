// POST /api/widget/v1/conversations — start a conversation; returns its id and the token later calls carry.
import { widgetRoute } from "@/lib/http/widget-route";
import { startConversation } from "@/lib/services/conversations";
import { negotiateShopperLocale } from "@/lib/services/shopper-language";
import { startConversationSchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => {
    const input = parseOr422(startConversationSchema, ctx.body ?? {});
    const locale = await negotiateShopperLocale(ctx.db, { accountId: ctx.accountId, requested: input.locale, acceptLanguage: ctx.acceptLanguage });
    return Response.json(await startConversation(ctx.db, { accountId: ctx.accountId, input, locale }), { status: 201 });
  },
});
