// GET /api/overview — the Customer Agent overview's figures for the active account (admin, lead).
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withSession } from "@/lib/http/with-session";
import { getOverview } from "@/lib/services/overview";
import { overviewFiltersSchema } from "@/lib/validation/overview";

export const GET = withSession({ role: "lead", name: "GET /api/overview" }, async ({ member, request }) => {
  const parsed = overviewFiltersSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join(".") || "query"] ??= []).push(issue.message);
    throw new AppError("validation_failed", "The filters are invalid.", fields);
  }
  return Response.json(await getOverview(await getDb(), { accountId: member.accountId, filters: parsed.data }));
});
