// Zendesk ticket endpoints (reference A.4–A.9): create with Idempotency-Key, show, list by
// external_id, comments, and update with a comment.
import { fieldErrors, zendeskCreateTicketSchema } from "./request-schemas";
import { asRecord, asString, canonicalJson, escapeHtml, html, json, type SimRequest, type SimResponse } from "./http-kit";
import {
  findUserByEmail,
  renderAudit,
  renderComment,
  renderTicket,
  type ZendeskComment,
  type ZendeskContext,
  type ZendeskTicket,
  type ZendeskUser,
} from "./zendesk-state";

const IDEMPOTENCY_TTL_MS = 2 * 60 * 60 * 1000;
const MAX_COMMENTS = 5000;
const STATUSES = new Set(["new", "open", "pending", "hold", "solved", "closed"]);

export const recordNotFound = (): SimResponse => json(404, { error: "RecordNotFound", description: "Not found" });

const recordInvalid = (details: Record<string, Array<Record<string, unknown>>>): SimResponse =>
  json(422, { error: "RecordInvalid", description: "Record validation errors", details });

/** `POST /api/v2/tickets`, replaying the cached 201 for a repeated Idempotency-Key. */
export function createTicketIdempotently(ctx: ZendeskContext, req: SimRequest, user: ZendeskUser): SimResponse {
  const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined;
  if (!key) return createTicket(ctx, req, user);
  const { idempotency } = ctx.account;
  const cached = idempotency.get(key);
  if (cached && cached.expiresAt <= ctx.now()) idempotency.delete(key);
  const fingerprint = canonicalJson(req.body ?? req.rawBody);
  const hit = idempotency.get(key);
  if (hit) {
    if (hit.fingerprint !== fingerprint) {
      return json(400, {
        error: "IdempotentRequestError",
        description: "Request parameters don't match the given idempotency key",
      });
    }
    return { ...hit.response, headers: { ...hit.response.headers, "x-idempotency-lookup": "hit" } };
  }
  const response = createTicket(ctx, req, user);
  // Only successful creations are cached (what Zendesk does with errors is unconfirmed).
  if (response.status === 201) idempotency.set(key, { fingerprint, response, expiresAt: ctx.now() + IDEMPOTENCY_TTL_MS });
  return { ...response, headers: { ...response.headers, "x-idempotency-lookup": "miss" } };
}

function createTicket(ctx: ZendeskContext, req: SimRequest, user: ZendeskUser): SimResponse {
  const input = asRecord(asRecord(req.body).ticket);
  if (req.bodyInvalid || Object.keys(input).length === 0) {
    return json(400, { error: "InvalidValue", description: "Parameter ticket is required" });
  }
  const strict = zendeskCreateTicketSchema.safeParse(req.body);
  if (!strict.success) {
    return json(400, { error: "InvalidValue", description: "Request does not match the Create Ticket schema", details: fieldErrors(strict.error) });
  }
  const text = commentText(asRecord(input.comment), asString(input.description));
  if (!text) {
    return recordInvalid({
      base: [{ description: "Description: cannot be blank", error: "BlankValue", ticket_field_type: "FieldDescription" }],
    });
  }
  const requester = resolveRequester(ctx, input, user);
  if ("error" in requester) return requester.error;
  const submitterId = typeof input.submitter_id === "number" ? input.submitter_id : requester.user.id;
  const now = ctx.now();
  const ticket: ZendeskTicket = {
    id: ctx.account.nextTicketId++,
    subject: asString(input.subject) ?? null,
    status: STATUSES.has(String(input.status)) ? (input.status as ZendeskTicket["status"]) : "new",
    priority: asString(input.priority) ?? null,
    type: asString(input.type) ?? null,
    requesterId: requester.user.id,
    submitterId,
    externalId: asString(input.external_id) ?? null,
    tags: readTags(input.tags),
    createdAt: now,
    updatedAt: now,
    comments: [],
  };
  const comment = addComment(ctx, ticket, text, submitterId, asRecord(input.comment).public !== false);
  ctx.account.tickets.set(ticket.id, ticket);
  const events = [
    { id: ctx.nextId(), type: "Create", value: String(ticket.requesterId), field_name: "requester_id" },
    { id: ctx.nextId(), type: "Create", value: ticket.status, field_name: "status" },
  ];
  return json(
    201,
    { ticket: renderTicket(ticket, ctx.baseUrl), audit: renderAudit(ticket, comment, events) },
    { Location: `${ctx.baseUrl}/api/v2/tickets/${ticket.id}.json` },
  );
}

/** `PUT /api/v2/tickets/{id}`: the only way to add a comment. */
export function updateTicket(ctx: ZendeskContext, req: SimRequest, user: ZendeskUser, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  if (!ticket) return recordNotFound();
  if (ticket.status === "closed") {
    return recordInvalid({ status: [{ description: "Status: closed prevents ticket update" }] });
  }
  const input = asRecord(asRecord(req.body).ticket);
  const rawComment = asRecord(input.comment);
  const text = commentText(rawComment, undefined);
  if (text && ticket.comments.length >= MAX_COMMENTS) {
    return recordInvalid({ base: [{ description: `Comments: a ticket can have at most ${MAX_COMMENTS} comments` }] });
  }
  if (STATUSES.has(String(input.status))) ticket.status = input.status as ZendeskTicket["status"];
  if (Array.isArray(input.tags)) ticket.tags = readTags(input.tags);
  if (typeof input.subject === "string") ticket.subject = input.subject;
  ticket.updatedAt = ctx.now();
  let comment: ZendeskComment | null = null;
  if (text) {
    const authorId = typeof rawComment.author_id === "number" && ctx.account.users.some((u) => u.id === rawComment.author_id) ? rawComment.author_id : user.id;
    // An omitted `public` inherits the first comment's privacy.
    const isPublic = typeof rawComment.public === "boolean" ? rawComment.public : (ticket.comments[0]?.public ?? true);
    comment = addComment(ctx, ticket, text, authorId, isPublic);
  }
  return json(200, { ticket: renderTicket(ticket, ctx.baseUrl), audit: renderAudit(ticket, comment, []) });
}

export function showTicket(ctx: ZendeskContext, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  return ticket ? json(200, { ticket: renderTicket(ticket, ctx.baseUrl) }) : recordNotFound();
}

/** `GET /api/v2/tickets[?external_id=]`: external ids are not unique, so every match is listed. */
export function listTickets(ctx: ZendeskContext, req: SimRequest): SimResponse {
  const externalId = req.query.get("external_id");
  const tickets = [...ctx.account.tickets.values()].filter((t) => externalId === null || t.externalId === externalId).map((t) => renderTicket(t, ctx.baseUrl));
  return json(200, { tickets, next_page: null, previous_page: null, count: tickets.length });
}

export function listComments(ctx: ZendeskContext, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  if (!ticket) return recordNotFound();
  const comments = ticket.comments.map(renderComment);
  return json(200, { comments, next_page: null, previous_page: null, count: comments.length });
}

/** Text and HTML of a comment: HTML in `body` is stripped; `html_body` is kept. */
function commentText(comment: Record<string, unknown>, legacyDescription: string | undefined) {
  const htmlBody = asString(comment.html_body);
  const body = asString(comment.body) ?? legacyDescription;
  if (htmlBody?.trim()) return { body: stripTags(htmlBody), htmlBody };
  if (!body?.trim()) return null;
  const plain = stripTags(body);
  return { body: plain, htmlBody: `<div class="zd-comment" dir="auto"><p dir="auto">${escapeHtml(plain)}</p></div>` };
}

const stripTags = (value: string) => value.replace(/<[^>]*>/g, "").trim();

function addComment(ctx: ZendeskContext, ticket: ZendeskTicket, text: { body: string; htmlBody: string }, authorId: number, isPublic: boolean): ZendeskComment {
  const comment = { id: ctx.nextId(), auditId: ctx.nextId(), authorId, public: isPublic, createdAt: ctx.now(), ...text };
  ticket.comments.push(comment);
  return comment;
}

/** Known email: that user, unchanged. Unknown email: a new end-user, whose name is required. */
function resolveRequester(ctx: ZendeskContext, input: Record<string, unknown>, user: ZendeskUser): { user: ZendeskUser } | { error: SimResponse } {
  if (typeof input.requester_id === "number") {
    const found = ctx.account.users.find((u) => u.id === input.requester_id);
    return found ? { user: found } : { error: recordInvalid({ requester: [{ description: "Requester: is invalid" }] }) };
  }
  const requester = asRecord(input.requester);
  const email = asString(requester.email)?.trim();
  if (!email) return { user };
  const existing = findUserByEmail(ctx.account, email);
  if (existing) return { user: existing };
  const name = asString(requester.name)?.trim() ?? "";
  if (!name) {
    return {
      error: recordInvalid({
        requester: [{ description: "Requester: Name:  is too short (minimum is 1 character)" }],
      }),
    };
  }
  const created: ZendeskUser = { id: ctx.nextId(), name, email, role: "end-user", createdAt: ctx.now() };
  ctx.account.users.push(created);
  return { user: created };
}

function readTags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((tag): tag is string => typeof tag === "string" && tag.trim() !== ""))];
}

/** `GET /agent/tickets/{id}`: a bare page standing in for the agent UI, so ticket links open. */
export function ticketPage(ctx: ZendeskContext, id: number): SimResponse {
  const ticket = ctx.account.tickets.get(id);
  if (!ticket) return html(404, "<!doctype html><title>Not found</title><h1>Ticket not found</h1>");
  const comments = ticket.comments.map((c) => `<li>${escapeHtml(c.body)}</li>`).join("");
  return html(
    200,
    `<!doctype html><title>Ticket #${id}</title><h1>#${id} ${escapeHtml(ticket.subject ?? "")}</h1><p>Status: ${ticket.status}</p><ul>${comments}</ul>`,
  );
}
