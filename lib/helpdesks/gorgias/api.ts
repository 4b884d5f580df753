import { z } from "zod";
import type { RequestBudget } from "@/lib/helpdesks/budget";
import { basicAuthorization, helpdeskRequest, joinUrl } from "@/lib/helpdesks/request";
import type { FoundHelpdeskTicket, HelpdeskTicketRef } from "@/lib/helpdesks/types";

export type GorgiasConnection = {
  /** The account's base URL, e.g. `https://acme.gorgias.com`, already resolved from the domain. */
  baseUrl: string;
  /** The API key's user; Basic auth is `email:apiKey`. */
  email: string;
  apiKey: string;
  timeoutMs?: number;
  /** Forwarding: every request counts against the account's shared budget. */
  budget?: RequestBudget;
};

function call<T>(connection: GorgiasConnection, request: { method: "GET" | "POST"; path: string; json?: unknown; schema: z.ZodType<T> }) {
  return helpdeskRequest({
    helpdesk: "gorgias",
    method: request.method,
    url: joinUrl(connection.baseUrl, request.path),
    headers: { Authorization: basicAuthorization(connection.email, connection.apiKey) },
    json: request.json,
    schema: request.schema,
    timeoutMs: connection.timeoutMs,
    budget: connection.budget,
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

export type GorgiasTicketInput = {
  /** Matched by email, or created. */
  customer: { email: string; name: string };
  subject?: string;
  /** The customer's own messages, oldest first (at least one). */
  messages: Array<{ bodyText: string; bodyHtml?: string; sentAt: Date }>;
  tags?: string[];
  /** Baton's conversation id. Gorgias has no idempotency key: look tickets up by it before retrying. */
  externalId?: string;
  /**
   * The channel the team's replies go out on: `email` (web chat handoffs continue by email),
   * `sms` (with the customer's phone), or `api` (the default; no auto-reply rules fire on it).
   */
  channel?: "api" | "email" | "sms";
  /** For `sms`: the customer's number, E.164. */
  phone?: string;
};

const ticketSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  external_id: z.string().nullish(),
  created_datetime: z.string(),
});

export const gorgiasTicketUrl = (baseUrl: string, id: number) => joinUrl(baseUrl, `/app/ticket/${id}`);

/**
 * Creates the ticket on the API channel (auto-reply rules do not fire on it). Every message
 * carries `sent_datetime`: without it Gorgias would really send the message out again.
 */
export async function createGorgiasTicket(
  connection: GorgiasConnection,
  input: GorgiasTicketInput,
): Promise<HelpdeskTicketRef> {
  const sender = { email: input.customer.email, name: input.customer.name };
  const channel = input.channel ?? "api";
  // The source names the customer's address on that channel, so replies reach them there.
  const source =
    channel === "email"
      ? { type: "email", from: { address: input.customer.email, name: input.customer.name } }
      : channel === "sms" && input.phone
        ? { type: "sms", from: { address: input.phone, name: input.customer.name } }
        : undefined;
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
      messages: input.messages.map((message) => ({
        channel,
        via: "api",
        from_agent: false,
        sender,
        ...(source ? { source } : {}),
        body_text: message.bodyText,
        ...(message.bodyHtml ? { body_html: message.bodyHtml } : {}),
        created_datetime: message.sentAt.toISOString(),
        sent_datetime: message.sentAt.toISOString(),
      })),
    },
    schema: ticketSchema,
  });
  return { id: data.id, url: gorgiasTicketUrl(connection.baseUrl, data.id) };
}

/** Every ticket carrying this external id (first page: up to 100, newest first). */
export async function findGorgiasTicketsByExternalId(
  connection: GorgiasConnection,
  externalId: string,
): Promise<FoundHelpdeskTicket[]> {
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
