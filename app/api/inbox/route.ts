// GET /api/inbox?assignee=&state=&channel= — the signed-in member's inbox rows (their account only).
import { getDb } from "@/db/client";
import { memberRoute } from "@/lib/http/member-route";
import { inboxRows } from "@/lib/inbox/views";
import { inboxFilterSchema } from "@/lib/validation/inbox";

export const GET = memberRoute({}, async (member, request) => {
  const filter = inboxFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return inboxRows(await getDb(), member, filter);
});
