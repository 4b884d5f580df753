import { z } from "zod";
import type { RequestBudget } from "@/lib/helpdesks/budget";
import { basicAuthorization, helpdeskRequest, HelpdeskError, joinUrl } from "@/lib/helpdesks/request";
import type { FoundHelpdeskTicket, HelpdeskTicketRef } from "@/lib/helpdesks/types";
import { gorgiasHelpdesk } from "@/lib/helpdesks/gorgias/helpdesk";

export type GorgiasConnection = {
  /** The account's base URL, e.g. `https://acme.gorgias.com`, already resolved from the domain. */
  baseUrl: string;
  /** The API key's user; Basic auth is `email:apiKey`. */
  email: string;
  apiKey: string;
  timeoutMs?: number;
  /** Forwarding: every request counts against the account's shared budget. */
  budget?: RequestBudget;
  /** Forwarding: the outbox worker's kill, which cuts the request in flight. */
  signal?: AbortSignal;
};

function call<T>(connection: GorgiasConnection, request: { method: "GET" | "POST"; path: string; json?: unknown; schema: z.ZodType<T> }) {
  return helpdeskRequest({
    helpdesk: gorgiasHelpdesk,
    method: request.method,
    url: joinUrl(connection.baseUrl, request.path),
    headers: { Authorization: basicAuthorization(connection.email, connection.apiKey) },
    json: request.json,
    schema: request.schema,
    timeoutMs: connection.timeoutMs,
    budget: connection.budget,
    signal: connection.signal,
  });
}

export type GorgiasAccountInfo = { domain: string; status: string | null; email: string };

const accountSchema = z.object({
  domain: z.string(),
  status: z.object({ status: z.string() }).nullish(),
});

/** `GET /api/account` is Gorgias' documented authenticated probe; it names the account. */
export async function verifyGorgiasCredentials(connection: GorgiasConnection): Promise<GorgiasAccountInfo> {
  const { data } = await call(connection, { method: "GET", path: "/api/account", schema: accountSchema });
  return { domain: data.domain, status: data.status?.status ?? null, email: connection.email };
}

/** Roles whose keys cannot create tickets (read-only users). */
const READ_ONLY_ROLES = new Set(["observer-agent"]);

/**
 * The API key's own user (`GET /api/users/0`), refused when its role cannot create tickets: every
 * handoff would otherwise be refused with 403. Gorgias' support for id 0 is not confirmed
 * everywhere; a 404 there means Baton cannot tell, and the key is accepted as before.
 */
export async function checkGorgiasRole(connection: GorgiasConnection): Promise<string | null> {
  try {
    const { data } = await call(connection, {
      method: "GET",
      path: "/api/users/0",
      schema: z.object({ role: z.object({ name: z.string() }).nullish() }),
    });
    const role = data.role?.name ?? null;
    if (role && READ_ONLY_ROLES.has(role)) {
      throw new HelpdeskError(gorgiasHelpdesk, "insufficient_role", { status: 200, description: `role ${role} cannot create tickets` });
    }
    return role;
  } catch (error) {
    if (error instanceof HelpdeskError && error.kind === "not_found_account" && error.status === 404) return null;
    throw error;
  }
}

const customerSchema = z.object({ id: z.number().int(), email: z.string().nullish(), name: z.string().nullish() });

/**
 * The customer with this phone number, found through its phone channel or created with one, the
 * way Gorgias' own SMS integration identifies texters: by number, never by an invented email.
 */
export async function findOrCreateGorgiasCustomerByPhone(connection: GorgiasConnection, input: { phone: string; name: string }): Promise<{ id: number }> {
  const query = new URLSearchParams({ channel_type: "phone", channel_address: input.phone, limit: "1" });
  const { data } = await call(connection, { method: "GET", path: `/api/customers?${query}`, schema: z.object({ data: z.array(customerSchema) }) });
  if (data.data[0]) return { id: data.data[0].id };
  const created = await call(connection, {
    method: "POST",
    path: "/api/customers",
    json: { name: input.name, channels: [{ type: "phone", address: input.phone, preferred: true }] },
    schema: customerSchema,
  });
  return { id: created.data.id };
}

export type GorgiasTicketInput = {
  /** By id (found by phone), or by email (Gorgias matches or creates it). Never an empty email. */
  customer: { id: number; name: string } | { email: string; name: string };
  subject?: string;
  /** The shopper's own words: the customer's message. */
  message: { bodyText: string; sentAt: Date };
  /** Baton's context (the AI agent's answers, the summary, the link back): an internal note, never sent. */
  note?: { bodyText: string; sentAt: Date };
  tags?: string[];
  /** Baton's conversation id. Gorgias has no idempotency key: look tickets up by it before retrying. */
  externalId?: string;
  /**
   * The channel the team's replies go out on: `email` (web chat handoffs continue by email),
   * `sms` (with the customer's phone), or `api` (the default; no auto-reply rules fire on it).
   */
  channel?: "api" | "email" | "sms";
  /** The customer's address on that channel (email address, or E.164 number for `sms`). */
  from?: string;
  /** The store's address on that channel (support email or SMS number), which Gorgias replies from. */
  to?: string | null;
};

const ticketSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  external_id: z.string().nullish(),
  created_datetime: z.string(),
});

export const gorgiasTicketUrl = (baseUrl: string, id: number) => joinUrl(baseUrl, `/app/ticket/${id}`);

/**
 * Creates the ticket: the shopper's words as the customer's message on the follow-up channel,
 * Baton's context as an internal note. Every message carries `sent_datetime`, so Gorgias sends
 * nothing out again; the customer's message is `via: "api"`, which Gorgias documents as not
 * triggering auto-reply rules, so the merchant's auto-reply does not fire a second time.
 */
export async function createGorgiasTicket(connection: GorgiasConnection, input: GorgiasTicketInput): Promise<HelpdeskTicketRef> {
  const sender = "id" in input.customer ? { id: input.customer.id } : { email: input.customer.email, name: input.customer.name };
  const channel = input.channel ?? "api";
  // The source names both ends on that channel, so replies reach the shopper from the store's address.
  const source =
    (channel === "email" || channel === "sms") && input.from
      ? { type: channel, from: { address: input.from, name: input.customer.name }, ...(input.to ? { to: [{ address: input.to }] } : {}) }
      : undefined;
  const sent = (at: Date) => ({ created_datetime: at.toISOString(), sent_datetime: at.toISOString() });
  const { data } = await call(connection, {
    method: "POST",
    path: "/api/tickets",
    json: {
      channel,
      via: "api",
      from_agent: false,
      customer: sender,
      ...(input.subject ? { subject: input.subject } : {}),
      ...(input.externalId ? { external_id: input.externalId } : {}),
      ...(input.tags ? { tags: input.tags.map((name) => ({ name })) } : {}),
      messages: [
        { channel, via: "api", from_agent: false, sender, ...(source ? { source } : {}), body_text: input.message.bodyText, ...sent(input.message.sentAt) },
        ...(input.note
          ? [
              {
                channel: "internal-note",
                via: "api",
                from_agent: true,
                public: false,
                sender: { email: connection.email },
                body_text: input.note.bodyText,
                ...sent(input.note.sentAt),
              },
            ]
          : []),
      ],
    },
    schema: ticketSchema,
  });
  return { id: data.id, url: gorgiasTicketUrl(connection.baseUrl, data.id) };
}

/** Every ticket carrying this external id (first page: up to 100, newest first). */
export async function findGorgiasTicketsByExternalId(connection: GorgiasConnection, externalId: string): Promise<FoundHelpdeskTicket[]> {
  const query = new URLSearchParams({ external_id: externalId, limit: "100" });
  const { data } = await call(connection, {
    method: "GET",
    path: `/api/tickets?${query}`,
    schema: z.object({ data: z.array(ticketSchema) }),
  });
  return data.data.map((ticket) => ({
    id: ticket.id,
    url: gorgiasTicketUrl(connection.baseUrl, ticket.id),
    status: ticket.status,
    externalId: ticket.external_id ?? null,
    createdAt: parseGorgiasDatetime(ticket.created_datetime),
  }));
}

/** Gorgias datetimes are UTC but carry no zone (`2017-11-23T15:59:41.966927`). */
export function parseGorgiasDatetime(value: string): Date {
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
}
