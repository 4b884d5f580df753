// POST /api/widget/v1/conversations/{id}/feedback — "Did that answer your question?": yes resolves, no hands off.
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { answerFeedback } from "@/lib/services/conversations";
import { answerFeedbackSchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => {
    const caller = conversationCaller(ctx);
    const { helpful } = parseOr422(answerFeedbackSchema, ctx.body ?? {});
    return Response.json(await answerFeedback(ctx.db, caller, helpful));
  },
});
