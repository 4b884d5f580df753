// In-memory state of the Gorgias simulator and its JSON renderings (reference B.3, B.6, B.7).
import type { Clock } from "./http-kit";

export type GorgiasRole = "admin" | "agent" | "basic-agent" | "lite-agent" | "observer-agent";

export type GorgiasUser = { id: number; email: string; name: string; role: GorgiasRole; apiKey?: string };

export type GorgiasUserSeed = { email: string; name?: string; role?: GorgiasRole; apiKey?: string };

/** Leaky bucket: holds `capacity` requests and drains `capacity` every `windowSeconds`. */
export type RateLimit = { capacity: number; windowSeconds: number };

export type GorgiasAccountSeed = {
  domain: string;
  users: GorgiasUserSeed[];
  /** API-key bucket; default 40 per 20 s. */
  rateLimit?: RateLimit;
  /** OAuth bucket; default 80 per 20 s. */
  oauthRateLimit?: RateLimit;
};

export type GorgiasCustomer = { id: number; email: string | null; name: string | null; channels?: Array<{ type: string; address: string }> };

export type Party = { id: number; email: string | null; name: string | null };

export type GorgiasMessage = {
  id: number;
  ticketId: number;
  channel: string;
  via: string;
  fromAgent: boolean;
  public: boolean;
  sender: Party;
  receiver: Party | null;
  subject: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  externalId: string | null;
  source: unknown;
  createdAt: string;
  /** Null until "sent"; a message created without one is sent (see `outbox`). */
  sentAt: string | null;
};

export type GorgiasTicket = {
  id: number;
  externalId: string | null;
  status: "open" | "closed";
  priority: string;
  channel: string;
  via: string;
  fromAgent: boolean;
  subject: string | null;
  customerId: number | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  messages: GorgiasMessage[];
};

export type Bucket = RateLimit & { level: number; updatedAt: number };

export type GorgiasAccount = {
  domain: string;
  createdAt: string;
  users: GorgiasUser[];
  customers: GorgiasCustomer[];
  tickets: Map<number, GorgiasTicket>;
  tagIds: Map<string, number>;
  buckets: { apiKey: Bucket; oauth: Bucket };
  accessTokens: Map<string, { userId: number; expiresAt: number }>;
  /** Messages Gorgias would really send (created without `sent_datetime`, not internal notes). */
  outbox: GorgiasMessage[];
};

export type GorgiasContext = { account: GorgiasAccount; now: Clock; nextId: () => number };

/** Gorgias datetimes: ISO 8601 with microseconds and no zone. */
export const gorgiasDatetime = (ms: number): string => new Date(ms).toISOString().replace("Z", "000");

export const renderParty = (party: Party) => ({ id: party.id, email: party.email, name: party.name });

export function renderCustomer(customer: GorgiasCustomer) {
  const [firstname = "", ...rest] = (customer.name ?? "").split(" ");
  const channels = (customer.channels ?? []).map((c, i) => ({ id: customer.id * 10 + i, type: c.type, address: c.address, preferred: i === 0 }));
  return { ...renderParty(customer), firstname, lastname: rest.join(" "), channels };
}

export function renderMessage(message: GorgiasMessage) {
  return {
    id: message.id,
    uri: `/api/tickets/${message.ticketId}/messages/${message.id}/`,
    ticket_id: message.ticketId,
    channel: message.channel,
    via: message.via,
    from_agent: message.fromAgent,
    public: message.public,
    sender: renderParty(message.sender),
    receiver: message.receiver && renderParty(message.receiver),
    subject: message.subject,
    body_text: message.bodyText,
    body_html: message.bodyHtml,
    external_id: message.externalId,
    source: message.source ?? null,
    created_datetime: message.createdAt,
    sent_datetime: message.sentAt,
  };
}

export function renderTicket(ctx: GorgiasContext, ticket: GorgiasTicket, withMessages = true) {
  const customer = ctx.account.customers.find((c) => c.id === ticket.customerId);
  const last = ticket.messages.at(-1);
  const lastReceived = ticket.messages.filter((m) => !m.fromAgent).at(-1);
  return {
    id: ticket.id,
    uri: `/api/tickets/${ticket.id}/`,
    external_id: ticket.externalId,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    via: ticket.via,
    from_agent: ticket.fromAgent,
    spam: false,
    customer: customer ? renderCustomer(customer) : null,
    assignee_user: null,
    assignee_team: null,
    language: null,
    subject: ticket.subject,
    tags: ticket.tags.map((name) => ({ id: ctx.account.tagIds.get(name) ?? 0, name, decoration: null })),
    meta: {},
    ...(withMessages ? { messages: ticket.messages.map(renderMessage) } : {}),
    created_datetime: ticket.createdAt,
    updated_datetime: ticket.updatedAt,
    opened_datetime: null,
    closed_datetime: ticket.status === "closed" ? ticket.updatedAt : null,
    snooze_datetime: null,
    trashed_datetime: null,
    last_message_datetime: last?.createdAt ?? null,
    last_received_message_datetime: lastReceived?.createdAt ?? null,
    is_unread: true,
  };
}
