// A local Zendesk Support simulator (reference Part A, checklist A.12). Accounts live under a
// path prefix: subdomain `acme` is `${url}/acme`, standing in for https://acme.zendesk.com.
import { FaultInjector } from "./faults";
import { html, json, listen, type Clock, type RecordedRequest, type SimRequest, type SimResponse } from "./http-kit";
import { authenticate, couldNotAuthenticate, forbidden, renderFault } from "./zendesk-auth";
import { authorizePage, decideAuthorization, mintTokens, scopeAllows, tokenEndpoint } from "./zendesk-oauth";
import {
  anonymousUser,
  findUserByEmail,
  renderComment,
  renderTicket,
  renderUser,
  type OAuthClientConfig,
  type OAuthSettings,
  type ZendeskAccount,
  type ZendeskAccountSeed,
  type ZendeskContext,
  type ZendeskUser,
  type ZendeskUserSeed,
} from "./zendesk-state";
import { createTicketIdempotently, listComments, listTickets, showTicket, ticketPage, updateTicket } from "./zendesk-tickets";

export type { OAuthClientConfig, ZendeskAccountSeed, ZendeskRole, ZendeskUser, ZendeskUserSeed } from "./zendesk-state";

export type ZendeskSimulatorOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** Milliseconds since the epoch; tests pass their own to expire codes, tokens and rate windows. */
  now?: Clock;
  /** The global OAuth client (Baton uses one for every merchant). */
  oauthClient?: OAuthClientConfig;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Refuse authorize requests without a PKCE S256 challenge. Default true. */
  requirePkce?: boolean;
};

export type ZendeskSimulator = {
  url: string;
  /** `${url}/{subdomain}`: what ZENDESK_URL_TEMPLATE should be. */
  urlTemplate: string;
  baseUrl: (subdomain: string) => string;
  addAccount: (seed: ZendeskAccountSeed) => ZendeskUser[];
  addUser: (subdomain: string, seed: ZendeskUserSeed) => ZendeskUser;
  setGlobalOAuthClient: (client: OAuthClientConfig | undefined) => void;
  setOAuthTtls: (ttls: { accessTokenTtlSeconds?: number; refreshTokenTtlSeconds?: number }) => void;
  setRateLimit: (subdomain: string, perMinute: number) => void;
  /** Tokens as if `email` had completed the OAuth flow (shortcut for tests). */
  issueTokens: (
    subdomain: string,
    email: string,
    options?: { scope?: string; clientId?: string },
  ) => { accessToken: string; refreshToken: string; expiresIn: number };
  /** Invalidates every OAuth token, code and API token of the account. */
  revokeAllTokens: (subdomain: string) => void;
  tickets: (subdomain: string) => Array<ReturnType<typeof renderTicket> & { comments: ReturnType<typeof renderComment>[] }>;
  users: (subdomain: string) => ZendeskUser[];
  /** Every answered request, oldest first. */
  readonly requests: RecordedRequest[];
  clearRequests: () => void;
  faults: FaultInjector;
  close: () => Promise<void>;
};

export async function startZendeskSimulator(options: ZendeskSimulatorOptions = {}): Promise<ZendeskSimulator> {
  const now = options.now ?? Date.now;
  const accounts = new Map<string, ZendeskAccount>();
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const oauth: OAuthSettings = {
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 1800,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 30 * 86_400,
    requirePkce: options.requirePkce ?? true,
    globalClient: options.oauthClient,
  };
  // User, comment and audit ids are large in Zendesk; ticket ids are small per account.
  let lastId = 6_130_907_993_114;
  const nextId = () => (lastId += 128);

  const server = await listen({
    port: options.port ?? 0,
    now,
    latencyMs: () => faults.latencyMs,
    record: (entry) => requests.push(entry),
    handle: (subdomain, req) => {
      const account = accounts.get(subdomain);
      if (!account) return html(404, "<!doctype html><title>Not found</title><h1>This help center does not exist</h1>");
      return route(context(account), req);
    },
  });
  const baseUrl = (subdomain: string) => `${server.url}/${encodeURIComponent(subdomain)}`;
  const context = (account: ZendeskAccount): ZendeskContext => ({
    account,
    baseUrl: baseUrl(account.subdomain),
    now,
    nextId,
    oauth,
  });

  function revokeTokensOf(target: ZendeskAccount) {
    for (const map of [target.accessTokens, target.refreshTokens, target.codes]) map.clear();
    for (const user of target.users) user.apiToken = undefined;
  }

  function route(ctx: ZendeskContext, req: SimRequest): SimResponse {
    const path = req.path.replace(/\.json$/, "").replace(/(.)\/$/, "$1");
    // Browser pages: no faults or rate limits, so a demo's consent screen always renders.
    if (req.method === "GET" && path === "/oauth/authorizations/new") return authorizePage(ctx, req);
    if (req.method === "POST" && path === "/oauth/authorizations/decide") return decideAuthorization(ctx, req);
    // Test control (no real Zendesk has this): what an admin revoking every token would do.
    if (req.method === "POST" && path === "/__simulator/revoke-all-tokens") {
      revokeTokensOf(ctx.account);
      return json(200, { revoked: true });
    }
    // Test control: an admin creating a new API token for an agent after a revocation.
    if (req.method === "POST" && path === "/__simulator/issue-token") {
      const body = (req.body ?? {}) as { email?: string; apiToken?: string };
      const user = ctx.account.users.find((u) => u.email === body.email);
      if (!user || !body.apiToken) return json(404, { error: "RecordNotFound" });
      user.apiToken = body.apiToken;
      return json(200, { issued: true });
    }
    // Test control: the next `times` requests matching `path` fail with `status` (an outage, a refusal).
    if (req.method === "POST" && path === "/__simulator/fail-next") {
      const body = (req.body ?? {}) as { status?: 403 | 429 | 500 | 503; times?: number; path?: string; retryAfterSeconds?: number };
      faults.failNext(
        { status: body.status ?? 503, retryAfterSeconds: body.retryAfterSeconds, account: ctx.account.subdomain, path: body.path },
        body.times ?? 1,
      );
      return json(200, { queued: body.times ?? 1 });
    }
    const agentPage = /^\/agent\/tickets\/(\d+)$/.exec(path);
    if (agentPage) return ticketPage(ctx, Number(agentPage[1]));

    const fault = faults.take(ctx.account.subdomain, path);
    if (fault?.status === "slow") return { ...served(ctx, req, path), delayMs: fault.slowMs };
    if (fault) return withRateHeaders(ctx, renderFault(fault));
    return served(ctx, req, path);
  }

  /** A request past the browser pages, controls and injected faults: tokens, the rate limit, the API. */
  function served(ctx: ZendeskContext, req: SimRequest, path: string): SimResponse {
    if (req.method === "POST" && path === "/oauth/tokens") return withRateHeaders(ctx, tokenEndpoint(ctx, req));
    if (!path.startsWith("/api/v2/")) return json(404, { error: "InvalidEndpoint", description: "Not found" });
    const { window, rateLimitPerMinute } = ctx.account;
    if (ctx.now() - window.start >= 60_000) Object.assign(window, { start: ctx.now(), count: 0 });
    if (window.count >= rateLimitPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - ctx.now()) / 1000));
      return withRateHeaders(ctx, renderFault({ status: 429, retryAfterSeconds: retryAfter }));
    }
    window.count += 1;
    return withRateHeaders(ctx, api(ctx, req, path));
  }

  function api(ctx: ZendeskContext, req: SimRequest, path: string): SimResponse {
    const auth = authenticate(ctx, req);
    if (auth.kind === "rejected") return auth.response;
    const { method } = req;
    if (method === "GET" && path === "/api/v2/users/me") {
      if (auth.kind === "anonymous") return json(200, { user: anonymousUser });
      if (auth.scope !== null && !scopeAllows(auth.scope, "users", "read")) return forbidden();
      return json(200, { user: renderUser(auth.user, ctx.baseUrl) });
    }
    if (auth.kind === "anonymous") return couldNotAuthenticate();
    const ticketRoute = /^\/api\/v2\/tickets(?:\/(\d+))?(\/comments)?$/.exec(path);
    if (!ticketRoute) return json(404, { error: "InvalidEndpoint", description: "Not found" });
    const write = method !== "GET";
    if (auth.user.role === "end-user") return forbidden();
    if (auth.scope !== null && !scopeAllows(auth.scope, "tickets", write ? "write" : "read")) return forbidden();
    const [, id, comments] = ticketRoute;
    if (!id && method === "GET") return listTickets(ctx, req);
    if (!id && method === "POST") return createTicketIdempotently(ctx, req, auth.user);
    if (id && comments && method === "GET") return listComments(ctx, Number(id));
    if (id && !comments && method === "GET") return showTicket(ctx, Number(id));
    if (id && !comments && method === "PUT") return updateTicket(ctx, req, auth.user, Number(id));
    return json(404, { error: "InvalidEndpoint", description: "Not found" });
  }

  function withRateHeaders(ctx: ZendeskContext, response: SimResponse): SimResponse {
    const { window, rateLimitPerMinute } = ctx.account;
    const remaining = String(Math.max(0, rateLimitPerMinute - window.count));
    const reset = String(Math.max(0, Math.ceil((window.start + 60_000 - ctx.now()) / 1000)));
    const limit = String(rateLimitPerMinute);
    return {
      ...response,
      headers: {
        "X-Rate-Limit": limit,
        "X-Rate-Limit-Remaining": remaining,
        "ratelimit-limit": limit,
        "ratelimit-remaining": remaining,
        "ratelimit-reset": reset,
        "x-zendesk-api-version": "v2",
        ...response.headers,
      },
    };
  }

  const account = (subdomain: string): ZendeskAccount => {
    const found = accounts.get(subdomain);
    if (!found) throw new Error(`Zendesk simulator: no account "${subdomain}"`);
    return found;
  };

  function addUser(subdomain: string, seed: ZendeskUserSeed): ZendeskUser {
    const target = account(subdomain);
    if (findUserByEmail(target, seed.email)) throw new Error(`Zendesk simulator: ${seed.email} already exists`);
    const user: ZendeskUser = {
      id: nextId(),
      name: seed.name ?? seed.email.split("@")[0] ?? seed.email,
      email: seed.email,
      role: seed.role ?? "agent",
      apiToken: seed.apiToken,
      createdAt: now(),
    };
    target.users.push(user);
    return user;
  }

  return {
    url: server.url,
    urlTemplate: `${server.url}/{subdomain}`,
    baseUrl,
    addAccount: (seed) => {
      if (accounts.has(seed.subdomain)) throw new Error(`Zendesk simulator: "${seed.subdomain}" already exists`);
      accounts.set(seed.subdomain, {
        subdomain: seed.subdomain,
        users: [],
        tickets: new Map(),
        nextTicketId: 1,
        idempotency: new Map(),
        rateLimitPerMinute: seed.rateLimitPerMinute ?? 700,
        window: { start: now(), count: 0 },
        oauthClient: seed.oauthClient,
        authorizationRequests: new Map(),
        codes: new Map(),
        accessTokens: new Map(),
        refreshTokens: new Map(),
      });
      return seed.agents.map((agent) => addUser(seed.subdomain, agent));
    },
    addUser,
    setGlobalOAuthClient: (client) => {
      oauth.globalClient = client;
    },
    setOAuthTtls: (ttls) => {
      oauth.accessTokenTtlSeconds = ttls.accessTokenTtlSeconds ?? oauth.accessTokenTtlSeconds;
      oauth.refreshTokenTtlSeconds = ttls.refreshTokenTtlSeconds ?? oauth.refreshTokenTtlSeconds;
    },
    setRateLimit: (subdomain, perMinute) => {
      account(subdomain).rateLimitPerMinute = perMinute;
    },
    issueTokens: (subdomain, email, { scope = "read write", clientId } = {}) => {
      const target = account(subdomain);
      const user = findUserByEmail(target, email);
      if (!user) throw new Error(`Zendesk simulator: no user ${email} in "${subdomain}"`);
      const client = clientId ?? oauth.globalClient?.clientId ?? target.oauthClient?.clientId ?? "simulator";
      const { body } = mintTokens(context(target), { userId: user.id, clientId: client, scope });
      return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in };
    },
    revokeAllTokens: (subdomain) => revokeTokensOf(account(subdomain)),
    tickets: (subdomain) => {
      const target = account(subdomain);
      return [...target.tickets.values()].map((t) => ({
        ...renderTicket(t, baseUrl(subdomain)),
        comments: t.comments.map(renderComment),
      }));
    },
    users: (subdomain) => [...account(subdomain).users],
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    faults,
    close: server.close,
  };
}
