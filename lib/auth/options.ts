import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { requireSecret } from "@/lib/env";
import { signIn } from "@/lib/services/sign-in";
import { switchAccount } from "@/lib/services/switch-account";
import { clientIp } from "@/lib/http/client-ip";
import { createSession, revokeSession } from "@/db/queries/sessions";

/** How long a session lasts without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** Codes the sign-in form turns into messages; next-auth passes the thrown message through. */
export const signInErrorCodes = ["invalid_credentials", "rate_limited", "no_account"] as const;

/** Built per request so that importing this module (as `next build` does) needs no secret. */
export function authOptions(): NextAuthOptions {
  return {
    secret: requireSecret("NEXTAUTH_SECRET"),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await signIn(await getDb(), {
            email: credentials?.email,
            password: credentials?.password,
            ip: clientIp(req.headers ?? {}),
          });
          if (!result.ok) {
            throw new Error(result.code === "rate_limited" ? `rate_limited:${result.retryAfterSeconds}` : result.code);
          }
          if (!result.membership) throw new Error("no_account");
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            accountId: result.membership.accountId,
            role: result.membership.role,
          };
        },
      }),
    ],
    events: {
      // Signing out ends the session on the server too, so a copy of the cookie stops working.
      async signOut({ token }) {
        if (token?.sid) await revokeSession(await getDb(), { id: token.sid });
      },
    },
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user) {
          // A server-side row per sign-in: the JWT alone cannot be taken back, the row can.
          token.sid = await createSession(await getDb(), { userId: user.id, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
          token.sub = user.id;
          token.accountId = user.accountId;
          token.role = user.role;
        }
        // Account switching: the browser asks for an account id; it is honoured only when the
        // user is a member of that account, so editing the request cannot reach another merchant.
        if (trigger === "update" && token.sub) {
          const membership = await switchAccount(await getDb(), { userId: token.sub, request: session });
          if (membership) {
            token.accountId = membership.accountId;
            token.role = membership.role;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (token.sub) session.user = { ...session.user, id: token.sub };
        session.sid = token.sid;
        session.accountId = token.accountId;
        session.role = token.role;
        return session;
      },
    },
  };
}
