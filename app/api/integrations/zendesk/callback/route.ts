// GET /api/integrations/zendesk/callback — Zendesk OAuth redirect: exchanges the code and returns the admin to Baton.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { isAppError } from "@/lib/errors";
import { finishZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { logFailure } from "@/lib/log-failure";

export async function GET(request: NextRequest) {
  const member = await requireMember({ role: "admin" });
  const params = request.nextUrl.searchParams;
  const back = (path: string, query: Record<string, string>) => {
    const url = new URL(path, request.nextUrl.origin);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return NextResponse.redirect(url, 303);
  };
  try {
    const result = await finishZendeskOAuth(await getDb(), member, {
      state: params.get("state") ?? "",
      code: params.get("code") ?? undefined,
      error: params.get("error") ?? undefined,
    });
    return result.ok
      ? back(result.returnTo, { connected: "zendesk" })
      : back(result.returnTo, { connect: "zendesk", connectError: result.reason });
  } catch (error) {
    if (isAppError(error)) return back("/integrations", { connect: "zendesk", connectError: error.message });
    logFailure("zendesk oauth callback", error);
    return back("/integrations", { connect: "zendesk", connectError: "internal" });
  }
}
