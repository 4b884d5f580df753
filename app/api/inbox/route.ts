// GET /api/inbox?assignee=&state=&channel=&q=&after= — one page of the signed-in member's inbox rows (their account only).
import { getDb } from "@/db/client";
import { withSession } from "@/lib/http/with-session";
import { inboxRows } from "@/lib/inbox/views";
import { inboxCursorSchema, inboxFilterSchema } from "@/lib/validation/inbox";

export const GET = withSession({ name: "GET /api/inbox" }, async ({ member, request }) => {
  const params = request.nextUrl.searchParams;
  const filter = inboxFilterSchema.parse(Object.fromEntries(params));
  const after = inboxCursorSchema.parse(params.get("after") ?? undefined);
  return Response.json(await inboxRows(await getDb(), member, filter, after));
});
