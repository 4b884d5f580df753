import "server-only";
import type { Database } from "@/db/client";
import { listMemberships, type MembershipView } from "@/db/queries/accounts/memberships";
import { findUserByEmail } from "@/db/queries/accounts/users";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";
import { limiter } from "@/lib/limits/limiter";
import { signInSchema } from "@/lib/validation/auth";

export type SignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; locale: string | null };
      membership: MembershipView | null;
    }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/** The pause every attempt on an email under attack waits (from any address): guessing slows, the owner barely notices. */
export const SLOWDOWN_MS = 1000;

function limits() {
  const { SIGN_IN_WINDOW_MINUTES, SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_MAX_FAILURES_PER_IP } = env();
  const durationSeconds = SIGN_IN_WINDOW_MINUTES * 60;
  return Promise.all([
    limiter({ name: "sign_in_address", points: SIGN_IN_MAX_FAILURES_PER_IP, durationSeconds }),
    limiter({ name: "sign_in_email_address", points: SIGN_IN_MAX_FAILURES_PER_EMAIL, durationSeconds }),
    // Counted, never blocking: past the per-email limit it only adds SLOWDOWN_MS.
    limiter({ name: "sign_in_email", points: SIGN_IN_MAX_FAILURES_PER_EMAIL, durationSeconds }),
  ]);
}

/**
 * Checks an email and password. Failures count per address and per email from that address, in
 * counters every process shares; past either limit that address is refused (even with the right
 * password) until the window moves on. Failures on an email from anywhere never lock its owner
 * out: from an address without failures the right password still works, after a short pause.
 */
export async function signIn(
  db: Database,
  input: { email: unknown; password: unknown; ip: string },
  options: { sleep?: (ms: number) => Promise<void> } = {},
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid_credentials" };
  const { email, password } = parsed.data;
  const { SIGN_IN_MAX_FAILURES_PER_EMAIL, SIGN_IN_MAX_FAILURES_PER_IP } = env();
  const [perAddress, perEmailAddress, perEmail] = await limits();
  const emailAddress = `${email}|${input.ip}`;

  const [byAddress, byEmailAddress, byEmail] = await Promise.all([perAddress.peek(input.ip), perEmailAddress.peek(emailAddress), perEmail.peek(email)]);
  const blocked = [
    byAddress.used >= SIGN_IN_MAX_FAILURES_PER_IP ? byAddress.retryAfterSeconds : 0,
    byEmailAddress.used >= SIGN_IN_MAX_FAILURES_PER_EMAIL ? byEmailAddress.retryAfterSeconds : 0,
  ];
  if (Math.max(...blocked) > 0) return { ok: false, code: "rate_limited", retryAfterSeconds: Math.max(...blocked) };
  if (byEmail.used >= SIGN_IN_MAX_FAILURES_PER_EMAIL) await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(SLOWDOWN_MS);

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid) {
    await Promise.all([perAddress.consume(input.ip), perEmailAddress.consume(emailAddress), perEmail.consume(email)]);
    return { ok: false, code: "invalid_credentials" };
  }
  await perEmailAddress.reset(emailAddress);
  const [membership] = await listMemberships(db, { userId: user.id });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    membership: membership ?? null,
  };
}
