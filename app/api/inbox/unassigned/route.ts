// GET /api/inbox/unassigned — the sidebar badge: open handoffs nobody has claimed.
import { getDb } from "@/db/client";
import { withSession } from "@/lib/http/with-session";
import { inboxUnassigned } from "@/lib/inbox/views";

export const GET = withSession({ name: "GET /api/inbox/unassigned" }, async ({ member }) => Response.json(await inboxUnassigned(await getDb(), member)));
