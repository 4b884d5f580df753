import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema/accounts";
import { findMembership, listMemberships } from "@/db/queries/accounts/memberships";
import { isSessionActive } from "@/db/queries/sessions";
import { findDisplayPreferences } from "@/db/queries/accounts/users";
import { authOptions } from "@/lib/auth/options";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

export type Member = {
  userId: string;
  email: string;
  name: string;
  accountId: string;
  accountName: string;
  role: Role;
  /** The user's chosen language (null: follow the browser), read fresh so a change applies at once. */
  locale: string | null;
  /** The active account's IANA time zone: every date a page shows is written in it. */
  timeZone: string;
};

/**
 * The signed-in user and their active account, read fresh from the database on every request
 * (once per request thanks to `cache`): a removed membership, a changed role or a revoked
 * session (sign-out, "sign out everywhere") takes effect at once, whatever the cookie still says.
 */
export const getMember = cache(async (): Promise<Member | null> => {
  const session = await getServerSession(authOptions());
  const userId = session?.user?.id;
  if (!userId || !session.sid) return null;
  const db = await getDb();
  const [live, requested] = await Promise.all([
    isSessionActive(db, { id: session.sid, userId }),
    session.accountId ? findMembership(db, { userId, accountId: session.accountId }) : null,
  ]);
  // A signed-out (revoked) or expired session is no session, whatever the cookie still says.
  if (!live) return null;
  const active = requested ?? (await listMemberships(db, { userId }))[0] ?? null;
  if (!active) return null;
  const preferences = await findDisplayPreferences(db, { userId, accountId: active.accountId });
  return {
    userId,
    email: session.user.email ?? "",
    name: session.user.name ?? "",
    accountId: active.accountId,
    accountName: active.accountName,
    role: active.role,
    locale: preferences?.locale ?? null,
    timeZone: preferences?.timeZone ?? "UTC",
  };
});

/**
 * The one gate for layouts, pages, server actions and route handlers. Returns the member, whose
 * `accountId` scopes every query that follows. By default (pages, layouts) an anonymous caller
 * is sent to sign-in and a member without the role gets the 403 page; with `{ throws: true }`
 * (actions and JSON routes) both become an AppError that the caller turns into its own answer.
 */
export async function requireMember(options: { role?: Role; throws?: boolean } = {}): Promise<Member> {
  const member = await getMember();
  if (!member) {
    if (options.throws) throw new AppError("unauthenticated", "Sign in to continue.");
    redirect("/sign-in");
  }
  if (options.role && !hasRole(member.role, options.role)) {
    if (options.throws) throw new AppError("forbidden", `This needs the ${options.role} role.`);
    forbidden();
  }
  return member;
}
