// GET /api/widget/v1/config — what the widget must do when the agent cannot answer (method, consent, texts).
import { widgetRoute } from "@/lib/http/widget-route";
import { widgetConfig } from "@/lib/services/widget-config";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  GET: async (ctx) => Response.json(await widgetConfig(ctx.db, { accountId: ctx.accountId, locale: ctx.locale })),
});
