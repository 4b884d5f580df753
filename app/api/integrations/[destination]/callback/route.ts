// GET /api/integrations/<destination>/callback — the end of sign-in with a destination (OAuth):
// its adapter exchanges the code, and the admin returns to where they started in Baton.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { requireMember } from "@/lib/auth/require-member";
import { isAppError } from "@/lib/errors";
import { oauthDestination } from "@/lib/helpdesks/registry";
import { logFailure } from "@/lib/log-failure";

export async function GET(request: NextRequest, { params }: { params: Promise<{ destination: string }> }) {
  const member = await requireMember({ role: "admin" });
  const { destination } = await params;
  const adapter = oauthDestination(destination);
  if (!adapter) return NextResponse.json({ error: { code: "not_found", message: "not_found" } }, { status: 404 });
  const search = request.nextUrl.searchParams;
  const back = (path: string, query: Record<string, string>) => {
    const url = new URL(path, request.nextUrl.origin);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return NextResponse.redirect(url, 303);
  };
  try {
    const result = await adapter.finishOAuth(await getDb(), member, {
      state: search.get("state") ?? "",
      code: search.get("code") ?? undefined,
      error: search.get("error") ?? undefined,
    });
    return result.ok ? back(result.returnTo, { connected: adapter.id }) : back(result.returnTo, { connect: adapter.id, connectError: result.reason });
  } catch (error) {
    if (isAppError(error)) return back("/integrations", { connect: adapter.id, connectError: error.message });
    logFailure(`${adapter.id} oauth callback`, error);
    return back("/integrations", { connect: adapter.id, connectError: "internal" });
  }
}
