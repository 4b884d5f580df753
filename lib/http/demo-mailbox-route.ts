import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { routeErrorResponse } from "@/lib/http/with-session";
import { answerDemoMail, demoMailboxDir } from "@/lib/services/demo-mailbox";
import { demoAnswerSchema } from "@/lib/validation/demo-mailbox";

/**
 * The demo mailbox's answer: the shopper's side of the demo, public like the demo storefronts,
 * and only while `npm run demo` (DEMO_MAILBOX_DIR) is running; anywhere else it answers 404. It
 * can only answer a mail in the mailbox, to that mail's own Reply-To.
 */
export async function handleDemoAnswer(request: Request): Promise<Response> {
  try {
    if (!demoMailboxDir()) throw new AppError("not_found", "The demo mailbox is not set up.");
    const body: unknown = await request.json().catch(() => {
      throw new AppError("invalid_json", "The body must be JSON.");
    });
    const parsed = demoAnswerSchema.safeParse(body);
    if (!parsed.success) throw new AppError("validation_failed", "Check the answer.", z.flattenError(parsed.error).fieldErrors);
    return Response.json(await answerDemoMail(parsed.data), { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return routeErrorResponse("POST /api/demo/mailbox/answer", error);
  }
}
