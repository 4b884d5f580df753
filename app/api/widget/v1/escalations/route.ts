// POST /api/widget/v1/escalations — a server escalates a whole conversation (transcript included); secret key and Idempotency-Key.
import { widgetRoute } from "@/lib/http/widget-route";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import { createEscalation } from "@/lib/services/escalations";
import { negotiateShopperLocale } from "@/lib/services/shopper-language";
import { escalationSchema, idempotencyKeySchema } from "@/lib/validation/widget";
import { AppError } from "@/lib/errors";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => {
    // A transcript posted here is taken as written (assistant lines, any email), so only a server
    // holding the secret key may post one; browsers use the conversation flow, where Baton
    // records what its agent said itself.
    if (ctx.keyKind !== "secret") throw new AppError("secret_key_required", "POST /escalations is server to server: send the secret key.");
    const key = idempotencyKeySchema.safeParse(ctx.request.headers.get("idempotency-key"));
    if (!key.success) throw new AppError("idempotency_key_required", "Send an Idempotency-Key header (1–255 visible ASCII characters).");
    const input = parseOr422(escalationSchema, ctx.body ?? {});
    const locale = await negotiateShopperLocale(ctx.db, { accountId: ctx.accountId, requested: input.locale, acceptLanguage: ctx.acceptLanguage });
    const result = await createEscalation(ctx.db, { accountId: ctx.accountId, idempotencyKey: key.data, input, texts: shopperTexts(locale) });
    return Response.json(result.body, { status: result.status, headers: { "Idempotent-Replayed": String(result.replayed) } });
  },
});
