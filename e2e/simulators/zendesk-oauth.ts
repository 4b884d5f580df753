// Zendesk OAuth authorization-code flow (reference A.11): a browser authorize page, 120-second
// single-use codes with PKCE (S256), expiring access tokens and rotating refresh tokens.
import { createHash, randomBytes } from "node:crypto";
import { asRecord, asString, escapeHtml, html, json, parseBasic, redirect, type SimRequest, type SimResponse } from "./http-kit";
import type { OAuthClientConfig, TokenGrant, ZendeskContext } from "./zendesk-state";

const CODE_TTL_MS = 120_000;
const AUTHORIZE_PAGE_TTL_MS = 10 * 60_000;

const token = () => randomBytes(24).toString("base64url");

export function findClient(ctx: ZendeskContext, clientId: string | undefined): OAuthClientConfig | undefined {
  if (!clientId) return undefined;
  if (ctx.account.oauthClient?.clientId === clientId) return ctx.account.oauthClient;
  return ctx.oauth.globalClient?.clientId === clientId ? ctx.oauth.globalClient : undefined;
}

const redirectAllowed = (client: OAuthClientConfig, uri: string) =>
  client.redirectUris.some((allowed) => (typeof allowed === "string" ? allowed === uri : allowed.test(uri)));

function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

const errorPage = (message: string) =>
  html(400, `<!doctype html><title>OAuth error</title><h1>Invalid authorization request</h1><p>${escapeHtml(message)}</p>`);

/** `GET /oauth/authorizations/new`: the consent page the merchant sees in the browser. */
export function authorizePage(ctx: ZendeskContext, req: SimRequest): SimResponse {
  const q = (name: string) => req.query.get(name);
  const client = findClient(ctx, q("client_id") ?? undefined);
  if (!client) return errorPage("Unknown client_id.");
  const redirectUri = q("redirect_uri") ?? "";
  // A bad redirect URI must not be redirected to: the error stays on this page.
  if (!redirectAllowed(client, redirectUri)) return errorPage("redirect_uri is not registered for this client.");
  const state = q("state");
  const fail = (error: string, description: string) => redirect(withParams(redirectUri, { error, error_description: description, state }));
  if (q("response_type") !== "code") return fail("unsupported_response_type", "response_type must be code");
  const codeChallenge = q("code_challenge");
  if (codeChallenge && q("code_challenge_method") !== "S256") {
    return fail("invalid_request", "code_challenge_method must be S256");
  }
  if (!codeChallenge && ctx.oauth.requirePkce) return fail("invalid_request", "code_challenge is required");
  if (codeChallenge && !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) return fail("invalid_request", "malformed code_challenge");

  const requestId = token();
  const scope = q("scope")?.trim() || "read";
  ctx.account.authorizationRequests.set(requestId, {
    clientId: client.clientId,
    redirectUri,
    scope,
    state,
    codeChallenge,
    expiresAt: ctx.now() + AUTHORIZE_PAGE_TTL_MS,
  });
  // Staff only; the decide endpoint still accepts any user id (to test an end-user's consent).
  const options = ctx.account.users
    .filter((u) => u.role !== "end-user")
    .map((u) => `<option value="${u.id}">${escapeHtml(`${u.name} <${u.email}> (${u.role})`)}</option>`)
    .join("");
  return html(
    200,
    `<!doctype html><html><head><title>Authorize ${escapeHtml(client.clientId)}</title></head><body>
<h1>${escapeHtml(client.clientId)} wants to access ${escapeHtml(ctx.account.subdomain)}</h1>
<p>Requested scope: <code>${escapeHtml(scope)}</code></p>
<form method="post" action="${escapeHtml(`${ctx.baseUrl}/oauth/authorizations/decide`)}">
<input type="hidden" name="request_id" value="${requestId}">
<label>Signed in as <select name="user_id">${options}</select></label>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></body></html>`,
  );
}

/** `POST /oauth/authorizations/decide` (simulator only): the Allow / Deny buttons. */
export function decideAuthorization(ctx: ZendeskContext, req: SimRequest): SimResponse {
  const form = asRecord(req.body);
  const requestId = asString(form.request_id) ?? "";
  const pending = ctx.account.authorizationRequests.get(requestId);
  ctx.account.authorizationRequests.delete(requestId);
  if (!pending || pending.expiresAt <= ctx.now()) return errorPage("This authorization request has expired.");
  if (form.decision !== "allow") {
    return redirect(withParams(pending.redirectUri, { error: "access_denied", state: pending.state }));
  }
  const userId = Number(form.user_id);
  const user = ctx.account.users.find((u) => u.id === userId) ?? ctx.account.users.find((u) => u.role !== "end-user");
  if (!user) return errorPage("No user can sign in to this account.");
  const code = token();
  ctx.account.codes.set(code, {
    userId: user.id,
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scope: pending.scope,
    codeChallenge: pending.codeChallenge,
    expiresAt: ctx.now() + CODE_TTL_MS,
    used: false,
    pair: null,
  });
  return redirect(withParams(pending.redirectUri, { code, state: pending.state }));
}

const oauthError = (status: number, error: string, description: string) => json(status, { error, error_description: description });

const invalidGrant = () =>
  oauthError(
    400,
    "invalid_grant",
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
  );

/** `POST /oauth/tokens`: authorization_code and refresh_token grants (JSON or form body). */
export function tokenEndpoint(ctx: ZendeskContext, req: SimRequest): SimResponse {
  const body = asRecord(req.body);
  const basic = parseBasic(req.headers.authorization);
  const clientId = asString(body.client_id) ?? basic?.user;
  const clientSecret = asString(body.client_secret) ?? basic?.password;
  const client = findClient(ctx, clientId);
  if (!client || client.clientSecret !== clientSecret) {
    return oauthError(
      401,
      "invalid_client",
      "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    );
  }
  const ttls = requestedTtls(ctx, body);
  const { account } = ctx;
  if (body.grant_type === "authorization_code") {
    const code = account.codes.get(asString(body.code) ?? "");
    if (!code || code.clientId !== client.clientId) return invalidGrant();
    if (code.used) {
      // A replayed code may have leaked: revoke what it produced.
      if (code.pair) revokePair(ctx, code.pair);
      return invalidGrant();
    }
    if (code.expiresAt <= ctx.now() || code.redirectUri !== asString(body.redirect_uri)) return invalidGrant();
    if (code.codeChallenge && pkceChallenge(asString(body.code_verifier) ?? "") !== code.codeChallenge) return invalidGrant();
    code.used = true;
    const issued = mintTokens(ctx, { userId: code.userId, clientId: client.clientId, scope: code.scope }, ttls);
    code.pair = issued.pair;
    return json(200, issued.body);
  }
  if (body.grant_type === "refresh_token") {
    const refreshToken = asString(body.refresh_token) ?? "";
    const grant = account.refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== client.clientId || grant.expiresAt <= ctx.now()) return invalidGrant();
    // Rotation: the old access and refresh tokens stop working.
    revokePair(ctx, grant.pair);
    return json(200, mintTokens(ctx, grant, ttls).body);
  }
  return oauthError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
}

export const pkceChallenge = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

/** Honours `expires_in` (300 < x < 172800) and `refresh_token_expires_in` (7–90 days) when in range. */
function requestedTtls(ctx: ZendeskContext, body: Record<string, unknown>) {
  const access = Number(body.expires_in);
  const refresh = Number(body.refresh_token_expires_in);
  return {
    access: access > 300 && access < 172_800 ? access : ctx.oauth.accessTokenTtlSeconds,
    refresh: refresh >= 7 * 86_400 && refresh <= 90 * 86_400 ? refresh : ctx.oauth.refreshTokenTtlSeconds,
  };
}

export function mintTokens(
  ctx: ZendeskContext,
  grant: { userId: number; clientId: string; scope: string },
  ttls: { access: number; refresh: number } = {
    access: ctx.oauth.accessTokenTtlSeconds,
    refresh: ctx.oauth.refreshTokenTtlSeconds,
  },
) {
  const pair = token();
  const accessToken = token();
  const refreshToken = token();
  const base = { userId: grant.userId, clientId: grant.clientId, scope: grant.scope, pair };
  ctx.account.accessTokens.set(accessToken, { ...base, expiresAt: ctx.now() + ttls.access * 1000 });
  ctx.account.refreshTokens.set(refreshToken, { ...base, expiresAt: ctx.now() + ttls.refresh * 1000 });
  return {
    pair,
    body: {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: "bearer",
      scope: grant.scope,
      expires_in: ttls.access,
      refresh_token_expires_in: ttls.refresh,
    },
  };
}

function revokePair(ctx: ZendeskContext, pair: string): void {
  for (const tokens of [ctx.account.accessTokens, ctx.account.refreshTokens]) {
    for (const [value, grant] of tokens) if (grant.pair === pair) tokens.delete(value);
  }
}

/** The live grant behind a bearer token, or null (unknown, expired or revoked). */
export function bearerGrant(ctx: ZendeskContext, accessToken: string): TokenGrant | null {
  const grant = ctx.account.accessTokens.get(accessToken);
  return grant && grant.expiresAt > ctx.now() ? grant : null;
}

/** Zendesk scopes: `read`/`write` cover every resource; `tickets:write` etc. one resource. */
export function scopeAllows(scope: string, resource: string, action: "read" | "write"): boolean {
  const granted = scope.split(/\s+/);
  return granted.includes(action) || granted.includes(`${resource}:${action}`);
}
