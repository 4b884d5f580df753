import "server-only";
import type { NextRequest } from "next/server";
import type { Role } from "@/db/schema/accounts";
import { requireMember, type Member } from "@/lib/auth/require-member";
import { AppError, isAppError } from "@/lib/errors";
import { logFailure } from "@/lib/log-failure";

type Handler = (ctx: { member: Member; request: NextRequest; params: Record<string, string> }) => Promise<Response>;
type RouteContext = { params: Promise<Record<string, string>> };

const noStore = { "Cache-Control": "private, no-store" };

/** An AppError as JSON: {"error":{"code","message","fields?"}} with its status. */
export function appErrorResponse(error: AppError): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  return Response.json(body, { status: error.status, headers: noStore });
}

/** A caught error as a route's answer: an AppError as itself, anything else logged and answered as a generic 500. */
export function routeErrorResponse(name: string, error: unknown): Response {
  if (isAppError(error)) return appErrorResponse(error);
  const requestId = logFailure(`route ${name}`, error);
  const response = appErrorResponse(new AppError("internal", "Something went wrong."));
  response.headers.set("X-Request-Id", requestId);
  return response;
}

/**
 * A dashboard read behind the session: the member (and role) checked by requireMember on every
 * request, expected errors answered as JSON with their code, anything else logged and answered
 * as a generic 500. Answers are private to the member and never cached.
 */
export function withSession(options: { role?: Role; name: string }, handler: Handler) {
  return async (request: NextRequest, context?: RouteContext): Promise<Response> => {
    try {
      const member = await requireMember({ role: options.role, throws: true });
      const response = await handler({ member, request, params: (await context?.params) ?? {} });
      for (const [key, value] of Object.entries(noStore)) response.headers.set(key, value);
      return response;
    } catch (error) {
      return routeErrorResponse(options.name, error);
    }
  };
}
