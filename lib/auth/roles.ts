import type { Role } from "@/db/schema/accounts";

export type { Role };

const rank: Record<Role, number> = { agent: 1, lead: 2, admin: 3 };

/** Roles nest: an admin can do what a lead can, a lead what an agent can. */
export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

/** Who sees the Customer Agent overview (its figures are for support leads and admins). */
export const canSeeOverview = (role: Role) => hasRole(role, "lead");

/**
 * Who sees the Customer Agent settings, Integrations and the deliveries list (which shows shopper
 * emails): admins and support leads. Agents work the inbox only.
 */
export const canSeeSettings = (role: Role) => hasRole(role, "lead");

/** Where a member starts: the overview, or for agents (who cannot see it) the inbox they work. */
export const startPath = (role: Role) => (canSeeOverview(role) ? "/customer-agent/overview" : "/inbox");
