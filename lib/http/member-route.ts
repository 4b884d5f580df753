import "server-only";
import { requireMember, type Member } from "@/lib/auth/require-member";
import type { Role } from "@/db/schema/accounts";
import { isAppError } from "@/lib/errors";

type RouteContext = { params: Promise<Record<string, string>> };
type Handler = (member: Member, request: Request, params: Record<string, string>) => Promise<Response | object>;

/**
 * A dashboard JSON route: the caller must be a signed-in member (with `role` when given), whose
 * account scopes everything the handler reads. Expected failures answer `{error:{code,message}}`
 * with their status; anything else is logged and answers a generic 500.
 */
export function memberRoute(options: { role?: Role }, handler: Handler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const member = await requireMember({ role: options.role, throws: true });
      const result = await handler(member, request, await context.params);
      return result instanceof Response ? result : Response.json(result, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (isAppError(error)) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
      console.error(`[${new URL(request.url).pathname}] failed`, error);
      return Response.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
    }
  };
}
