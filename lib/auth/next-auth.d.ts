import type { Role } from "@/db/schema/accounts";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    accountId: string;
    role: Role;
  }
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
    /** The server-side session row (user_sessions) this cookie belongs to. */
    sid?: string;
    accountId?: string;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    accountId?: string;
    role?: Role;
  }
}
