import type { DatabaseHandle } from "@/db/client";
import { createSession } from "@/db/queries/sessions";

/**
 * What next-auth's getServerSession returns for a signed-in user, with a real server-side
 * session row, so requireMember's checks (session live, membership) run as in production.
 */
export async function sessionFor(handle: DatabaseHandle, user: { id: string; email: string; name: string }, accountId?: string) {
  const sid = await createSession(handle.db, { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return { user: { id: user.id, email: user.email, name: user.name }, accountId, sid };
}
