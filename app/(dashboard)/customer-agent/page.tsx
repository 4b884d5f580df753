import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/require-member";

export default async function CustomerAgentIndex() {
  await requireMember({ role: "lead" });
  redirect("/customer-agent/overview");
}
