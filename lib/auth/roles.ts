import type { Role } from "@/db/schema/accounts";

const rank: Record<Role, number> = { agent: 1, lead: 2, admin: 3 };

/** Roles nest: an admin can do what a lead can, a lead what an agent can. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}
