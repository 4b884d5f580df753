// GET /api/inbox?assignee=&state=&channel= — the signed-in member's inbox rows (their account only).
import { getDb } from "@/db/client";
import { withSession } from "@/lib/http/with-session";
import { inboxRows } from "@/lib/inbox/views";
import { inboxFilterSchema } from "@/lib/validation/inbox";

export const GET = withSession({ name: "GET /api/inbox" }, async ({ member, request }) => {
  const filter = inboxFilterSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return Response.json(await inboxRows(await getDb(), member, filter));
});
