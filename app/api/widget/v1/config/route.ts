// GET /api/widget/v1/config — what the widget must do when the agent cannot answer (method, consent, texts); `?locale=` is the page's language.
import { widgetRoute } from "@/lib/http/widget-route";
import { negotiateShopperLocale } from "@/lib/services/shopper-language";
import { widgetConfig } from "@/lib/services/widget-config";
import { configQuerySchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  GET: async (ctx) => {
    const query = parseOr422(configQuerySchema, Object.fromEntries(ctx.request.nextUrl.searchParams));
    const locale = await negotiateShopperLocale(ctx.db, { accountId: ctx.accountId, requested: query.locale, acceptLanguage: ctx.acceptLanguage });
    return Response.json(await widgetConfig(ctx.db, { accountId: ctx.accountId, locale }));
  },
});
