// GET /api/inbox/unassigned — the sidebar badge: open handoffs nobody has claimed.
import { getDb } from "@/db/client";
import { memberRoute } from "@/lib/http/member-route";
import { inboxUnassigned } from "@/lib/inbox/views";

export const GET = memberRoute({}, async (member) => inboxUnassigned(await getDb(), member));
