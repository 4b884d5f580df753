// Gorgias ticket endpoints (reference B.4–B.7, B.10): create (no idempotency), show, list by
// external_id with cursor pagination, and add a message.
import { asRecord, asString, json, type SimRequest, type SimResponse } from "./http-kit";
import { fieldErrors, gorgiasCreateTicketSchema } from "./request-schemas";
import {
  gorgiasDatetime,
  renderMessage,
  renderTicket,
  type GorgiasContext,
  type GorgiasCustomer,
  type GorgiasMessage,
  type GorgiasTicket,
  type GorgiasUser,
  type Party,
} from "./gorgias-state";

const MISSING = "Missing data for required field.";

export const resourceNotFound = () => json(404, { error: { msg: "Resource not found." } });

export const badRequest = (msg: string, data: Record<string, unknown>) => json(400, { error: { msg, data } });

/** `POST /api/tickets`: every call creates a ticket, retries included (Gorgias has no idempotency key). */
export function createTicket(ctx: GorgiasContext, req: SimRequest, user: GorgiasUser): SimResponse {
  const body = asRecord(req.body);
  const strict = gorgiasCreateTicketSchema.safeParse(req.body);
  if (!strict.success) return badRequest("Failed to create ticket", fieldErrors(strict.error));
  const errors = validateTicket(body);
  if (Object.keys(errors).length > 0) return badRequest("Failed to create ticket", errors);
  const rawMessages = (body.messages as unknown[]).map(asRecord);
  const firstIncoming = rawMessages.find((m) => m.from_agent === false);
  const customerRef = body.customer ?? firstIncoming?.sender;
  const customer = customerRef === undefined ? null : resolveCustomer(ctx, asRecord(customerRef));
  if (typeof customer === "string") return badRequest("Failed to create ticket", { customer: [customer] });

  const first = rawMessages[0] ?? {};
  const now = gorgiasDatetime(ctx.now());
  const ticket: GorgiasTicket = {
    id: ctx.nextId(),
    externalId: asString(body.external_id) ?? null,
    status: body.status === "closed" ? "closed" : "open",
    priority: asString(body.priority) ?? "normal",
    channel: asString(body.channel) ?? asString(first.channel) ?? "api",
    via: asString(body.via) ?? asString(first.via) ?? "api",
    fromAgent: typeof body.from_agent === "boolean" ? body.from_agent : first.from_agent === true,
    subject: asString(body.subject) ?? null,
    customerId: customer?.id ?? null,
    tags: [],
    createdAt: now,
    updatedAt: now,
    messages: [],
  };
  for (const tag of Array.isArray(body.tags) ? body.tags : []) {
    const name = asString(asRecord(tag).name) ?? "";
    if (!ctx.account.tagIds.has(name)) ctx.account.tagIds.set(name, ctx.nextId());
    if (!ticket.tags.includes(name)) ticket.tags.push(name);
  }
  for (const raw of rawMessages) {
    const message = buildMessage(ctx, raw, ticket, user, customer);
    if (typeof message === "string") return badRequest("Failed to create ticket", { messages: [message] });
    ticket.messages.push(message);
  }
  ctx.account.tickets.set(ticket.id, ticket);
  ticket.messages.forEach((message) => sendIfNeeded(ctx, message));
  return json(201, renderTicket(ctx, ticket));
}

/** `POST /api/tickets/{id}/messages`. */
export function createMessage(ctx: GorgiasContext, req: SimRequest, user: GorgiasUser, ticketId: number): SimResponse {
  const ticket = ctx.account.tickets.get(ticketId);
  if (!ticket) return resourceNotFound();
  const raw = asRecord(req.body);
  const errors = validateMessage(raw);
  if (Object.keys(errors).length > 0) return badRequest("Failed to create message", errors);
  const customer = ctx.account.customers.find((c) => c.id === ticket.customerId) ?? null;
  const message = buildMessage(ctx, raw, ticket, user, customer);
  if (typeof message === "string") return badRequest("Failed to create message", { sender: [message] });
  ticket.messages.push(message);
  ticket.updatedAt = message.createdAt;
  sendIfNeeded(ctx, message);
  return json(201, renderMessage(message));
}

export function showTicket(ctx: GorgiasContext, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  return ticket ? json(200, renderTicket(ctx, ticket)) : resourceNotFound();
}

/** `GET /api/tickets?external_id=&customer_id=&limit=&cursor=`, newest first. */
export function listTickets(ctx: GorgiasContext, req: SimRequest): SimResponse {
  const limit = Number(req.query.get("limit") ?? 30);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return badRequest("Invalid query", { limit: ["Must be between 1 and 100."] });
  }
  const cursor = req.query.get("cursor");
  const offset = cursor ? Number(Buffer.from(cursor, "base64url").toString()) || 0 : 0;
  const externalId = req.query.get("external_id");
  const customerId = req.query.get("customer_id");
  const matches = [...ctx.account.tickets.values()]
    .filter((t) => externalId === null || t.externalId === externalId)
    .filter((t) => customerId === null || String(t.customerId) === customerId)
    .sort((a, b) => b.id - a.id);
  const page = matches.slice(offset, offset + limit);
  const encode = (n: number) => Buffer.from(String(n)).toString("base64url");
  return json(200, {
    object: "list",
    uri: "/api/tickets",
    data: page.map((t) => renderTicket(ctx, t, false)),
    meta: {
      prev_cursor: offset > 0 ? encode(Math.max(0, offset - limit)) : null,
      next_cursor: offset + limit < matches.length ? encode(offset + limit) : null,
    },
  });
}

function validateTicket(body: Record<string, unknown>): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  if (!Array.isArray(body.messages)) errors.messages = [MISSING];
  else if (body.messages.length < 1 || body.messages.length > 500) errors.messages = ["Length must be between 1 and 500."];
  else {
    // Nested errors keyed by message index (the real shape for nested errors is unconfirmed).
    const perMessage: Record<string, Record<string, string[]>> = {};
    body.messages.forEach((m, i) => {
      const messageErrors = validateMessage(asRecord(m));
      if (Object.keys(messageErrors).length > 0) perMessage[String(i)] = messageErrors;
    });
    if (Object.keys(perMessage).length > 0) errors.messages = perMessage;
  }
  if (body.tags !== undefined) {
    const bad = !Array.isArray(body.tags) || body.tags.some((t) => !/^.{1,256}$/s.test(asString(asRecord(t).name) ?? ""));
    if (bad) errors.tags = ["Tags must be objects with a name of 1 to 256 characters."];
  }
  if (body.external_id !== undefined && body.external_id !== null) {
    if (typeof body.external_id !== "string" || body.external_id.length > 255) {
      errors.external_id = ["Longer than maximum length 255."];
    }
  }
  if ((asString(asRecord(body.customer).email)?.length ?? 0) > 320) errors.customer = { email: ["Longer than maximum length 320."] };
  if (body.status !== undefined && body.status !== "open" && body.status !== "closed") errors.status = ["Must be one of: open, closed."];
  return errors;
}

function validateMessage(m: Record<string, unknown>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (typeof m.channel !== "string" || m.channel === "") errors.channel = [MISSING];
  if (typeof m.from_agent !== "boolean") errors.from_agent = [MISSING];
  if (m.from_agent === false) {
    const sender = asRecord(m.sender);
    if (typeof sender.id !== "number" && typeof sender.email !== "string") errors.sender = [MISSING];
    if (m.receiver !== undefined && m.receiver !== null) errors.receiver = ["Must not be set on a message from a customer."];
  }
  return errors;
}

/** By id (must exist) or by email (matched case-insensitively, else created). */
function resolveCustomer(ctx: GorgiasContext, ref: Record<string, unknown>): GorgiasCustomer | string {
  if (typeof ref.id === "number") return ctx.account.customers.find((c) => c.id === ref.id) ?? "Customer not found.";
  const email = asString(ref.email)?.trim();
  if (!email) return MISSING;
  const found = ctx.account.customers.find((c) => c.email?.toLowerCase() === email.toLowerCase());
  if (found) return found;
  const created = { id: ctx.nextId(), email, name: asString(ref.name) ?? null };
  ctx.account.customers.push(created);
  return created;
}

function buildMessage(
  ctx: GorgiasContext,
  raw: Record<string, unknown>,
  ticket: GorgiasTicket,
  user: GorgiasUser,
  customer: GorgiasCustomer | null,
): GorgiasMessage | string {
  const fromAgent = raw.from_agent === true;
  let sender: Party = user;
  let receiver: Party | null = null;
  if (!fromAgent) {
    const resolved = resolveCustomer(ctx, asRecord(raw.sender));
    if (typeof resolved === "string") return resolved;
    sender = resolved;
  } else {
    const ref = asRecord(raw.sender);
    sender = ctx.account.users.find((u) => u.id === ref.id || (typeof ref.email === "string" && u.email === ref.email)) ?? user;
    const to = raw.receiver === undefined ? customer : resolveCustomer(ctx, asRecord(raw.receiver));
    if (typeof to === "string") return to;
    receiver = to;
  }
  const channel = String(raw.channel);
  return {
    id: ctx.nextId(),
    ticketId: ticket.id,
    channel,
    via: asString(raw.via) ?? "api",
    fromAgent,
    public: channel !== "internal-note" && raw.public !== false,
    sender: { id: sender.id, email: sender.email, name: sender.name },
    receiver,
    subject: asString(raw.subject) ?? null,
    bodyText: asString(raw.body_text) ?? null,
    bodyHtml: asString(raw.body_html) ?? null,
    externalId: asString(raw.external_id) ?? null,
    source: raw.source,
    createdAt: asString(raw.created_datetime) ?? gorgiasDatetime(ctx.now()),
    sentAt: asString(raw.sent_datetime) ?? null,
  };
}

/** Without `sent_datetime` Gorgias really sends the message, asynchronously, then fills it in. */
function sendIfNeeded(ctx: GorgiasContext, message: GorgiasMessage): void {
  if (message.sentAt !== null || message.channel === "internal-note") return;
  ctx.account.outbox.push(message);
  setImmediate(() => {
    message.sentAt = gorgiasDatetime(ctx.now());
  });
}
