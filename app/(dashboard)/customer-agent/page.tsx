import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/require-member";
import { canSeeOverview } from "@/lib/auth/roles";

export default async function CustomerAgentIndex() {
  const member = await requireMember();
  redirect(canSeeOverview(member.role) ? "/customer-agent/overview" : "/customer-agent/settings/handoff");
}
