import "server-only";
import type { NextRequest } from "next/server";
import { conversationIdSchema } from "@/lib/validation/widget";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/widget/errors";
import { widgetPreflight, withWidgetKey, type WidgetContext } from "./with-widget-key";

type Handler = (ctx: WidgetContext) => Promise<Response>;
type RouteContext = { params: Promise<Record<string, string>> };

/**
 * The exports of one /api/widget/v1 route: the given methods behind withWidgetKey, CORS
 * preflight, and a JSON 405 for every other method.
 */
export function widgetRoute(handlers: { GET?: Handler; POST?: Handler }) {
  const allowed = Object.keys(handlers).join(", ");
  const notAllowed = async () => errorResponse(new AppError("method_not_allowed", `Use ${allowed}.`), { Allow: `${allowed}, OPTIONS` });
  const wrap = (h?: Handler) => (h ? withWidgetKey(h) : notAllowed);
  return {
    GET: wrap(handlers.GET),
    POST: wrap(handlers.POST),
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
    OPTIONS: (request: NextRequest, _context: RouteContext) => widgetPreflight(request),
  };
}

/** Who is acting on which conversation, from the route's id and the caller's token. */
export function conversationCaller(ctx: WidgetContext) {
  const id = conversationIdSchema.safeParse(ctx.params.id);
  if (!id.success) throw new AppError("not_found", "No such conversation.");
  return {
    accountId: ctx.accountId,
    id: id.data,
    token: ctx.request.headers.get("x-conversation-token"),
    keyKind: ctx.keyKind,
  };
}
