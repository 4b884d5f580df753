import "server-only";
import type { Database } from "@/db/client";
import { findMembership, type MembershipView } from "@/db/queries/accounts/memberships";
import { switchAccountSchema } from "@/lib/validation/auth";

/**
 * The membership to make active when a user asks to switch to `request.accountId`, or null when
 * the request is malformed or names an account the user does not belong to.
 */
export async function switchAccount(db: Database, params: { userId: string; request: unknown }): Promise<MembershipView | null> {
  const parsed = switchAccountSchema.safeParse(params.request);
  if (!parsed.success) return null;
  return findMembership(db, { userId: params.userId, accountId: parsed.data.accountId });
}
