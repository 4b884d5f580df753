import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/require-member";
import { startPath } from "@/lib/auth/roles";

export default async function Home() {
  const member = await requireMember();
  redirect(startPath(member.role));
}
