// A local Gorgias simulator (reference Part B, checklist B.11). Accounts live under a path
// prefix: domain `acme` is `${url}/acme`, standing in for https://acme.gorgias.com.
import { customers } from "./gorgias-customers";
import { randomBytes } from "node:crypto";
import { FaultInjector, type InjectedFault } from "./faults";
import { escapeHtml, html, json, listen, parseBasic, parseBearer, type Clock, type RecordedRequest, type SimRequest, type SimResponse } from "./http-kit";
import {
  gorgiasDatetime,
  renderCustomer,
  renderMessage,
  renderTicket,
  type Bucket,
  type GorgiasAccount,
  type GorgiasAccountSeed,
  type GorgiasContext,
  type GorgiasUser,
  type GorgiasUserSeed,
  type RateLimit,
} from "./gorgias-state";
import { createMessage, createTicket, listTickets, resourceNotFound, showTicket } from "./gorgias-tickets";

export type { GorgiasAccountSeed, GorgiasRole, GorgiasUser, GorgiasUserSeed, RateLimit } from "./gorgias-state";

export type GorgiasSimulatorOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** Milliseconds since the epoch; tests pass their own to drain the bucket or expire tokens. */
  now?: Clock;
};

export type GorgiasSimulator = {
  url: string;
  /** `${url}/{domain}`: what GORGIAS_URL_TEMPLATE should be. */
  urlTemplate: string;
  baseUrl: (domain: string) => string;
  addAccount: (seed: GorgiasAccountSeed) => GorgiasUser[];
  addUser: (domain: string, seed: GorgiasUserSeed) => GorgiasUser;
  setRateLimit: (domain: string, limit: RateLimit, kind?: "apiKey" | "oauth") => void;
  /** A bearer token for `email`, as an OAuth app would hold (the OAuth endpoints are not simulated). */
  issueAccessToken: (domain: string, email: string, options?: { ttlSeconds?: number }) => string;
  /** Invalidates every access token and API key of the account. */
  revokeAllTokens: (domain: string) => void;
  tickets: (domain: string) => Array<ReturnType<typeof renderTicket>>;
  customers: (domain: string) => Array<ReturnType<typeof renderCustomer>>;
  /** Messages Gorgias would have sent to customers (created without sent_datetime). */
  outbox: (domain: string) => Array<ReturnType<typeof renderMessage>>;
  readonly requests: RecordedRequest[];
  clearRequests: () => void;
  faults: FaultInjector;
  close: () => Promise<void>;
};

const WRITE_FORBIDDEN: ReadonlySet<string> = new Set(["observer-agent"]);

export async function startGorgiasSimulator(options: GorgiasSimulatorOptions = {}): Promise<GorgiasSimulator> {
  const now = options.now ?? Date.now;
  const accounts = new Map<string, GorgiasAccount>();
  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  let lastId = 280_000_000;
  const nextId = () => ++lastId;

  const server = await listen({
    port: options.port ?? 0,
    now,
    latencyMs: () => faults.latencyMs,
    record: (entry) => requests.push(entry),
    handle: (domain, req) => {
      const account = accounts.get(domain);
      // Gorgias answers an unknown subdomain with Flask's plain 404 page.
      if (!account) return html(404, NOT_FOUND_PAGE);
      return route({ account, now, nextId }, req);
    },
  });
  const baseUrl = (domain: string) => `${server.url}/${encodeURIComponent(domain)}`;

  function route(ctx: GorgiasContext, req: SimRequest): SimResponse {
    const path = req.path.replace(/(.)\/$/, "$1");
    const page = /^\/app\/ticket\/(\d+)$/.exec(path);
    if (page) return ticketPage(ctx, Number(page[1]));
    const bucket = parseBearer(req.headers.authorization) ? ctx.account.buckets.oauth : ctx.account.buckets.apiKey;
    drain(bucket, ctx.now());
    const fault = faults.take(ctx.account.domain, path);
    const slowMs = fault?.status === "slow" ? fault.slowMs : 0;
    if (fault && fault.status !== "slow") return withCallLimit(bucket, renderFault(fault, bucket));
    if (bucket.level + 1 > bucket.capacity) {
      return withCallLimit(bucket, renderFault({ status: 429 }, bucket));
    }
    bucket.level += 1;
    return { ...withCallLimit(bucket, api(ctx, req, path)), delayMs: slowMs };
  }

  function api(ctx: GorgiasContext, req: SimRequest, path: string): SimResponse {
    const user = authenticate(ctx, req);
    if (!user) return json(401, { error: { msg: "Unauthorized." } });
    const { method } = req;
    if (method !== "GET" && WRITE_FORBIDDEN.has(user.role)) {
      return json(403, { error: { msg: "You do not have the permission to perform this action." } });
    }
    if (path === "/api/account") {
      if (method !== "GET") return methodNotAllowed();
      const { domain, createdAt } = ctx.account;
      return json(200, { created_datetime: createdAt, domain, settings: [], status: { status: "active" } });
    }
    const userRoute = /^\/api\/users\/(\d+)$/.exec(path);
    if (userRoute) {
      const id = Number(userRoute[1]);
      const found = id === 0 ? user : ctx.account.users.find((u) => u.id === id);
      if (!found) return resourceNotFound();
      return json(200, { id: found.id, email: found.email, name: found.name, role: { name: found.role } });
    }
    if (path === "/api/customers") return customers(ctx, req);
    if (path === "/api/tickets") {
      if (method === "GET") return listTickets(ctx, req);
      if (method === "POST") return createTicket(ctx, req, user);
      return methodNotAllowed();
    }
    const ticketRoute = /^\/api\/tickets\/(\d+)(\/messages)?$/.exec(path);
    if (!ticketRoute) return resourceNotFound();
    const id = Number(ticketRoute[1]);
    if (ticketRoute[2]) return method === "POST" ? createMessage(ctx, req, user, id) : methodNotAllowed();
    return method === "GET" ? showTicket(ctx, id) : methodNotAllowed();
  }

  const account = (domain: string): GorgiasAccount => {
    const found = accounts.get(domain);
    if (!found) throw new Error(`Gorgias simulator: no account "${domain}"`);
    return found;
  };

  function addUser(domain: string, seed: GorgiasUserSeed): GorgiasUser {
    const target = account(domain);
    if (target.users.some((u) => u.email.toLowerCase() === seed.email.toLowerCase())) {
      throw new Error(`Gorgias simulator: ${seed.email} already exists`);
    }
    const user: GorgiasUser = {
      id: nextId(),
      email: seed.email,
      name: seed.name ?? seed.email.split("@")[0] ?? seed.email,
      role: seed.role ?? "agent",
      apiKey: seed.apiKey,
    };
    target.users.push(user);
    return user;
  }

  const bucket = (limit: RateLimit): Bucket => ({ ...limit, level: 0, updatedAt: now() });
  const context = (domain: string): GorgiasContext => ({ account: account(domain), now, nextId });

  return {
    url: server.url,
    urlTemplate: `${server.url}/{domain}`,
    baseUrl,
    addAccount: (seed) => {
      if (accounts.has(seed.domain)) throw new Error(`Gorgias simulator: "${seed.domain}" already exists`);
      accounts.set(seed.domain, {
        domain: seed.domain,
        createdAt: gorgiasDatetime(now()),
        users: [],
        customers: [],
        tickets: new Map(),
        tagIds: new Map(),
        buckets: {
          apiKey: bucket(seed.rateLimit ?? { capacity: 40, windowSeconds: 20 }),
          oauth: bucket(seed.oauthRateLimit ?? { capacity: 80, windowSeconds: 20 }),
        },
        accessTokens: new Map(),
        outbox: [],
      });
      return seed.users.map((user) => addUser(seed.domain, user));
    },
    addUser,
    setRateLimit: (domain, limit, kind = "apiKey") => {
      account(domain).buckets[kind] = bucket(limit);
    },
    issueAccessToken: (domain, email, { ttlSeconds = 3600 } = {}) => {
      const target = account(domain);
      const user = target.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
      if (!user) throw new Error(`Gorgias simulator: no user ${email} in "${domain}"`);
      const token = randomBytes(24).toString("base64url");
      target.accessTokens.set(token, { userId: user.id, expiresAt: now() + ttlSeconds * 1000 });
      return token;
    },
    revokeAllTokens: (domain) => {
      const target = account(domain);
      target.accessTokens.clear();
      for (const user of target.users) user.apiKey = undefined;
    },
    tickets: (domain) => [...account(domain).tickets.values()].map((t) => renderTicket(context(domain), t)),
    customers: (domain) => account(domain).customers.map(renderCustomer),
    outbox: (domain) => account(domain).outbox.map(renderMessage),
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    faults,
    close: server.close,
  };
}

const NOT_FOUND_PAGE =
  "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

/** Basic `email:apikey`, or a bearer token from `issueAccessToken`. */
function authenticate(ctx: GorgiasContext, req: SimRequest): GorgiasUser | null {
  const bearer = parseBearer(req.headers.authorization);
  if (bearer) {
    const grant = ctx.account.accessTokens.get(bearer);
    if (!grant || grant.expiresAt <= ctx.now()) return null;
    return ctx.account.users.find((u) => u.id === grant.userId) ?? null;
  }
  const basic = parseBasic(req.headers.authorization);
  if (!basic) return null;
  const user = ctx.account.users.find((u) => u.email.toLowerCase() === basic.user.toLowerCase());
  return user?.apiKey && user.apiKey === basic.password ? user : null;
}

function drain(bucket: Bucket, at: number): void {
  const leaked = ((at - bucket.updatedAt) / 1000) * (bucket.capacity / bucket.windowSeconds);
  bucket.level = Math.max(0, bucket.level - leaked);
  bucket.updatedAt = at;
}

const withCallLimit = (bucket: Bucket, response: SimResponse): SimResponse => ({
  ...response,
  headers: {
    "X-Gorgias-Account-Api-Call-Limit": `${Math.ceil(bucket.level)}/${bucket.capacity}`,
    ...response.headers,
  },
});

/** `GET /app/ticket/{id}`: a bare page standing in for the helpdesk UI, so ticket links open. */
function ticketPage(ctx: GorgiasContext, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  if (!ticket) return html(404, NOT_FOUND_PAGE);
  const messages = ticket.messages.map((m) => `<li>${escapeHtml(m.bodyText ?? "")}</li>`).join("");
  return html(200, `<!doctype html><title>Ticket ${id}</title><h1>${escapeHtml(ticket.subject ?? `Ticket ${id}`)}</h1><ul>${messages}</ul>`);
}

const methodNotAllowed = () => json(405, { error: { msg: "The specified HTTP method is not allowed." } });

function renderFault(fault: Exclude<InjectedFault, { status: "slow" }>, bucket: Bucket): SimResponse {
  if (fault.status === 200) return json(200, fault.body);
  switch (fault.status) {
    case 403:
      return json(403, { error: { msg: "You do not have the permission to perform this action." } });
    case 429: {
      // Seconds until one more request fits in the bucket.
      const rate = bucket.capacity / bucket.windowSeconds;
      const wait = fault.retryAfterSeconds ?? Math.max(1, Math.ceil((bucket.level + 1 - bucket.capacity) / rate));
      return json(429, { error: { msg: "Too many requests." } }, { "Retry-after": String(wait) });
    }
    case 503:
      return json(503, { error: { msg: "An external service had an issue." } }, { "Retry-After": String(fault.retryAfterSeconds ?? 5) });
    default:
      return json(500, { error: { msg: "Internal server error." } });
  }
}
