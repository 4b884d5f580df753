import { z } from "zod";
import type { RequestBudget } from "@/lib/helpdesks/budget";
import { basicAuthorization, helpdeskRequest, HelpdeskError, joinUrl } from "@/lib/helpdesks/request";
import type { FoundHelpdeskTicket, HelpdeskTicketRef } from "@/lib/helpdesks/types";
import { zendeskHelpdesk } from "@/lib/helpdesks/zendesk/helpdesk";

/** API tokens are being retired by Zendesk (all stop on 2027-04-30); OAuth is the way forward. */
export type ZendeskCredentials = { kind: "api_token"; email: string; token: string } | { kind: "oauth"; accessToken: string };

export type ZendeskConnection = {
  /** The account's base URL, e.g. `https://acme.zendesk.com`, already resolved from the subdomain. */
  baseUrl: string;
  credentials: ZendeskCredentials;
  timeoutMs?: number;
  /** Forwarding: every request counts against the account's shared budget. */
  budget?: RequestBudget;
  /** Forwarding: the outbox worker's kill, which cuts the request in flight. */
  signal?: AbortSignal;
};

export type ZendeskAgent = { userId: number; name: string; email: string; role: "agent" | "admin" };

function authorization(credentials: ZendeskCredentials): string {
  return credentials.kind === "oauth" ? `Bearer ${credentials.accessToken}` : basicAuthorization(`${credentials.email}/token`, credentials.token);
}

function call<T>(
  connection: ZendeskConnection,
  request: { method: "GET" | "POST"; path: string; json?: unknown; headers?: Record<string, string>; schema: z.ZodType<T> },
) {
  return helpdeskRequest({
    helpdesk: zendeskHelpdesk,
    method: request.method,
    url: joinUrl(connection.baseUrl, request.path),
    headers: { Authorization: authorization(connection.credentials), ...request.headers },
    json: request.json,
    schema: request.schema,
    timeoutMs: connection.timeoutMs,
    budget: connection.budget,
    signal: connection.signal,
  });
}

const userSchema = z.object({
  user: z.object({
    id: z.number().int().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.string(),
  }),
});

/**
 * Who the credentials belong to. `users/me` answers 200 with an anonymous user (id null) for
 * missing or unrecognised credentials rather than 401, so the id and role are what prove them.
 */
export async function verifyZendeskCredentials(connection: ZendeskConnection): Promise<ZendeskAgent> {
  const { data } = await call(connection, { method: "GET", path: "/api/v2/users/me.json", schema: userSchema });
  const { id, name, email, role } = data.user;
  if (id === null) {
    throw new HelpdeskError(zendeskHelpdesk, "invalid_credentials", { status: 200, description: "signed in as the anonymous user" });
  }
  if (role !== "agent" && role !== "admin") {
    throw new HelpdeskError(zendeskHelpdesk, "insufficient_role", { status: 200, description: `role ${role} cannot create tickets` });
  }
  if (email === null) throw new HelpdeskError(zendeskHelpdesk, "unexpected_response", { status: 200, description: "user has no email" });
  return { userId: id, name, email, role };
}

export type ZendeskTicketInput = {
  /** Found by email, or created as an end-user (then the name is required); without an email, only the name is sent. */
  requester: { name: string; email: string | null };
  subject: string;
  /** `public: false` is an internal note: Zendesk's triggers do not email it to the requester. */
  comment: { body: string; public: boolean };
  tags?: string[];
  /** Baton's conversation id; not unique in Zendesk, so lookups may find several tickets. */
  externalId?: string;
  /** Retries with the same key and body return the first ticket for 2 hours instead of a new one. */
  idempotencyKey?: string;
};

const ticketSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  external_id: z.string().nullable(),
  created_at: z.string(),
});

export const zendeskAgentTicketUrl = (baseUrl: string, id: number) => joinUrl(baseUrl, `/agent/tickets/${id}`);

export async function createZendeskTicket(connection: ZendeskConnection, input: ZendeskTicketInput): Promise<HelpdeskTicketRef & { replayed: boolean }> {
  const { data, headers } = await call(connection, {
    method: "POST",
    path: "/api/v2/tickets.json",
    headers: input.idempotencyKey ? { "Idempotency-Key": input.idempotencyKey } : undefined,
    json: {
      ticket: {
        subject: input.subject,
        comment: { body: input.comment.body, public: input.comment.public },
        requester: input.requester.email ? { name: input.requester.name, email: input.requester.email } : { name: input.requester.name },
        ...(input.tags ? { tags: input.tags } : {}),
        ...(input.externalId ? { external_id: input.externalId } : {}),
      },
    },
    schema: z.object({ ticket: ticketSchema }),
  });
  return {
    id: data.ticket.id,
    url: zendeskAgentTicketUrl(connection.baseUrl, data.ticket.id),
    replayed: headers.get("x-idempotency-lookup") === "hit",
  };
}

/** Every ticket carrying this external id (first page: up to 100). */
export async function findZendeskTicketsByExternalId(connection: ZendeskConnection, externalId: string): Promise<FoundHelpdeskTicket[]> {
  const query = new URLSearchParams({ external_id: externalId, per_page: "100" });
  const { data } = await call(connection, {
    method: "GET",
    path: `/api/v2/tickets.json?${query}`,
    schema: z.object({ tickets: z.array(ticketSchema) }),
  });
  return data.tickets.map((ticket) => ({
    id: ticket.id,
    url: zendeskAgentTicketUrl(connection.baseUrl, ticket.id),
    status: ticket.status,
    externalId: ticket.external_id,
    createdAt: new Date(ticket.created_at),
  }));
}
