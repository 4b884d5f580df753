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
    accountId?: string;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    accountId?: string;
    role?: Role;
  }
}
