// In-memory state of the Zendesk simulator and its JSON renderings (shapes per the reference,
// sections A.3 and A.6).
import type { Clock, SimResponse } from "./http-kit";

export type ZendeskRole = "admin" | "agent" | "end-user";

export type ZendeskUser = {
  id: number;
  name: string;
  email: string;
  role: ZendeskRole;
  /** Active API token, if any (`email/token:{apiToken}`). */
  apiToken?: string;
  createdAt: number;
};

export type ZendeskUserSeed = { email: string; name?: string; role?: ZendeskRole; apiToken?: string };

export type OAuthClientConfig = {
  clientId: string;
  clientSecret: string;
  /** Exact URIs, or patterns (e.g. any localhost port). */
  redirectUris: Array<string | RegExp>;
};

export type ZendeskAccountSeed = {
  subdomain: string;
  agents: ZendeskUserSeed[];
  /** A client registered on this account only (besides the simulator's global client). */
  oauthClient?: OAuthClientConfig;
  /** Account-wide API requests per minute (Zendesk plans: 200/400/700/2500). Default 700. */
  rateLimitPerMinute?: number;
};

export type ZendeskComment = {
  id: number;
  auditId: number;
  authorId: number;
  body: string;
  htmlBody: string;
  public: boolean;
  createdAt: number;
};

export type ZendeskTicket = {
  id: number;
  subject: string | null;
  status: "new" | "open" | "pending" | "hold" | "solved" | "closed";
  priority: string | null;
  type: string | null;
  requesterId: number;
  submitterId: number;
  externalId: string | null;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  comments: ZendeskComment[];
};

export type TokenGrant = { userId: number; clientId: string; scope: string; expiresAt: number; pair: string };

export type AuthorizationCode = {
  userId: number;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
  /** Pair issued for this code, revoked if the code is replayed. */
  pair: string | null;
};

export type AuthorizationRequest = {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | null;
  codeChallenge: string | null;
  expiresAt: number;
};

export type ZendeskAccount = {
  subdomain: string;
  users: ZendeskUser[];
  tickets: Map<number, ZendeskTicket>;
  nextTicketId: number;
  idempotency: Map<string, { fingerprint: string; response: SimResponse; expiresAt: number }>;
  rateLimitPerMinute: number;
  window: { start: number; count: number };
  oauthClient?: OAuthClientConfig;
  authorizationRequests: Map<string, AuthorizationRequest>;
  codes: Map<string, AuthorizationCode>;
  accessTokens: Map<string, TokenGrant>;
  refreshTokens: Map<string, TokenGrant>;
};

export type OAuthSettings = {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  requirePkce: boolean;
  globalClient?: OAuthClientConfig;
};

/** What the route handlers share. */
export type ZendeskContext = {
  account: ZendeskAccount;
  /** `${url}/${subdomain}`: the account's base URL, like `https://acme.zendesk.com`. */
  baseUrl: string;
  now: Clock;
  nextId: () => number;
  oauth: OAuthSettings;
};

/** Zendesk timestamps: UTC ISO 8601 without fractional seconds. */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const findUserByEmail = (account: ZendeskAccount, email: string): ZendeskUser | undefined =>
  account.users.find((user) => user.email.toLowerCase() === email.trim().toLowerCase());

export function renderUser(user: ZendeskUser, baseUrl: string) {
  return {
    id: user.id,
    url: `${baseUrl}/api/v2/users/${user.id}.json`,
    name: user.name,
    email: user.email,
    role: user.role,
    active: true,
    verified: true,
    locale: "en-US",
    time_zone: "UTC",
    created_at: isoSeconds(user.createdAt),
    updated_at: isoSeconds(user.createdAt),
  };
}

export const anonymousUser = { id: null, url: null, name: "Anonymous user", email: null, role: "end-user", active: true };

const apiVia = { channel: "api", source: { from: {}, to: {}, rel: null } };

export function renderTicket(ticket: ZendeskTicket, baseUrl: string) {
  const first = ticket.comments[0];
  return {
    url: `${baseUrl}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: ticket.externalId,
    via: apiVia,
    created_at: isoSeconds(ticket.createdAt),
    updated_at: isoSeconds(ticket.updatedAt),
    type: ticket.type,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: first?.body ?? "",
    priority: ticket.priority,
    status: ticket.status,
    requester_id: ticket.requesterId,
    submitter_id: ticket.submitterId,
    assignee_id: null,
    group_id: null,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    is_public: first?.public ?? true,
    tags: ticket.tags,
    custom_fields: [],
    generated_timestamp: Math.floor(ticket.updatedAt / 1000),
  };
}

export function renderComment(comment: ZendeskComment) {
  return {
    id: comment.id,
    type: "Comment",
    author_id: comment.authorId,
    body: comment.body,
    html_body: comment.htmlBody,
    plain_body: comment.body,
    public: comment.public,
    attachments: [],
    audit_id: comment.auditId,
    via: apiVia,
    created_at: isoSeconds(comment.createdAt),
  };
}

export function renderAudit(ticket: ZendeskTicket, comment: ZendeskComment | null, events: object[]) {
  return {
    id: comment?.auditId ?? 0,
    ticket_id: ticket.id,
    created_at: isoSeconds(ticket.updatedAt),
    author_id: comment?.authorId ?? ticket.submitterId,
    metadata: { system: { client: "baton-simulator" }, custom: {} },
    events: [...(comment ? [renderComment(comment)] : []), ...events],
    via: apiVia,
  };
}
