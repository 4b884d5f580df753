// POST /api/widget/v1/conversations/{id}/handoff — the shopper's answer to the offer of a human (consent, email).
import { conversationCaller, widgetRoute } from "@/lib/http/widget-route";
import { answerHandoff } from "@/lib/services/conversations";
import { handoffAnswerSchema } from "@/lib/validation/widget";
import { parseOr422 } from "@/lib/widget/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = widgetRoute({
  POST: async (ctx) => {
    const caller = conversationCaller(ctx);
    const answer = parseOr422(handoffAnswerSchema, ctx.body ?? {});
    const reply = await answerHandoff(ctx.db, caller, answer);
    return Response.json({ reply });
  },
});
