// GET /api/inbox/{conversationId} — one handed-off conversation with its transcript.
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withSession } from "@/lib/http/with-session";
import { inboxConversation } from "@/lib/inbox/views";

export const GET = withSession({ name: "GET /api/inbox/{id}" }, async ({ member, params }) => {
  const id = z.uuid().safeParse(params.id);
  const view = id.success ? await inboxConversation(await getDb(), member, id.data) : null;
  if (!view) throw new AppError("not_found", "No such conversation in this account.");
  return Response.json(view);
});
