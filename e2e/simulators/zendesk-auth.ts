// Zendesk authentication (reference A.2/A.3) and the error bodies the simulator sends.
import type { InjectedFault } from "./faults";
import { json, parseBasic, parseBearer, text, type SimRequest, type SimResponse } from "./http-kit";
import { bearerGrant } from "./zendesk-oauth";
import { findUserByEmail, type ZendeskContext, type ZendeskUser } from "./zendesk-state";

export type AuthResult = { kind: "user"; user: ZendeskUser; scope: string | null } | { kind: "anonymous" } | { kind: "rejected"; response: SimResponse };

/**
 * Per reference A.2/A.3: no credentials, a password (no longer accepted) or an unknown email
 * are anonymous (users/me answers 200 with id null, everything else 401); a wrong API token or
 * bad bearer token is 401.
 */
export function authenticate(ctx: ZendeskContext, req: SimRequest): AuthResult {
  const header = req.headers.authorization;
  if (!header) return { kind: "anonymous" };
  const bearer = parseBearer(header);
  if (bearer) {
    const grant = bearerGrant(ctx, bearer);
    const user = grant && ctx.account.users.find((u) => u.id === grant.userId);
    if (!grant || !user) {
      return {
        kind: "rejected",
        response: json(401, {
          error: "invalid_token",
          error_description: "The access token provided is expired, revoked, malformed or invalid for other reasons.",
        }),
      };
    }
    return { kind: "user", user, scope: grant.scope };
  }
  const basic = parseBasic(header);
  if (!basic) return { kind: "rejected", response: couldNotAuthenticate() };
  if (!basic.user.endsWith("/token")) return { kind: "anonymous" };
  const user = findUserByEmail(ctx.account, basic.user.slice(0, -"/token".length));
  if (!user) return { kind: "anonymous" };
  if (!user.apiToken || user.apiToken !== basic.password) return { kind: "rejected", response: couldNotAuthenticate() };
  return { kind: "user", user, scope: null };
}

export const couldNotAuthenticate = () => json(401, { error: "Couldn't authenticate you" }, { "WWW-Authenticate": 'Basic realm="Web Password"' });

export const forbidden = () =>
  json(403, {
    error: "Forbidden",
    description: "You do not have access to this page. Please contact the account owner of this help desk for further help.",
  });

export function renderFault(fault: Exclude<InjectedFault, { status: "slow" }>): SimResponse {
  if (fault.status === 200) return json(200, fault.body);
  const retryAfter = (fallback: number) => ({ "Retry-After": String(fault.retryAfterSeconds ?? fallback) });
  switch (fault.status) {
    case 403:
      return forbidden();
    case 429:
      return text(429, "Number of allowed API requests per minute exceeded", {
        ...retryAfter(60),
        "X-Rate-Limit-Remaining": "0",
        "ratelimit-remaining": "0",
      });
    case 503:
      return text(503, "Service temporarily unavailable", retryAfter(5));
    default:
      return json(500, { error: "InternalServerError", description: "Something went wrong" });
  }
}
