import type { Database } from "@/db/client";
import { countFailuresSince, deleteFailuresBefore, recordFailure } from "@/db/queries/sign-in-failures";
import { listMemberships, type MembershipView } from "@/db/queries/memberships";
import { findUserByEmail } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";

export type SignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; locale: string | null };
      membership: MembershipView | null;
    }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. Failures are counted per email and per IP over a sliding window;
 * past either limit, sign-in is refused (even with the right password) until the window moves on.
 */
export async function signIn(
  db: Database,
  input: { email: unknown; password: unknown; ip: string },
  now = new Date(),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid_credentials" };
  const { email, password } = parsed.data;
  const { SIGN_IN_WINDOW_MINUTES, SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_MAX_FAILURES_PER_IP } = env();
  const windowMs = SIGN_IN_WINDOW_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);

  const { byEmail, byIp } = await countFailuresSince(db, { email, ip: input.ip, since });
  const blockedBy = [
    byEmail.count >= SIGN_IN_MAX_FAILURES_PER_EMAIL ? byEmail.oldest : null,
    byIp.count >= SIGN_IN_MAX_FAILURES_PER_IP ? byIp.oldest : null,
  ].filter((d): d is Date => d !== null);
  if (blockedBy.length > 0) {
    const until = Math.max(...blockedBy.map((d) => d.getTime() + windowMs));
    return { ok: false, code: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid) {
    await recordFailure(db, { email, ip: input.ip, at: now });
    // Old rows are useless once outside the window; prune them opportunistically.
    await deleteFailuresBefore(db, new Date(now.getTime() - 2 * windowMs));
    return { ok: false, code: "invalid_credentials" };
  }
  const [membership] = await listMemberships(db, { userId: user.id });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    membership: membership ?? null,
  };
}
