import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { helpdeskFailure } from "@/db/testing/failures";
import {
  createZendeskTicket,
  findZendeskTicketsByExternalId,
  verifyZendeskCredentials,
  type ZendeskConnection,
  type ZendeskTicketInput,
} from "@/lib/helpdesks/zendesk/api";

let sim: ZendeskSimulator;
let time = Date.parse("2026-11-20T10:00:00Z");

beforeAll(async () => {
  sim = await startZendeskSimulator({ now: () => time });
  sim.addAccount({
    subdomain: "acme",
    agents: [
      { email: "ada@acme.test", name: "Ada Admin", role: "admin", apiToken: "tok-ada" },
      { email: "sam@acme.test", name: "Sam Shopper", role: "end-user", apiToken: "tok-sam" },
    ],
  });
  sim.addAccount({ subdomain: "busy", rateLimitPerMinute: 2, agents: [{ email: "bo@busy.test", apiToken: "tok-bo" }] });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.reset());

const connection = (email = "ada@acme.test", token = "tok-ada", subdomain = "acme"): ZendeskConnection => ({
  baseUrl: sim.baseUrl(subdomain),
  credentials: { kind: "api_token", email, token },
});

const ticketInput = (overrides: Partial<ZendeskTicketInput> = {}): ZendeskTicketInput => ({
  requester: { name: "Sarah Mason", email: "sarah@example.com" },
  subject: "Order #1042 arrived damaged",
  comment: { body: "Escalated from chat: my mug arrived broken.", public: false },
  tags: ["ai_escalation", "chat"],
  externalId: "conv_1",
  ...overrides,
});

async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/acme`;
}

describe("verifyZendeskCredentials", () => {
  it("returns the agent behind an API token", async () => {
    const agent = await verifyZendeskCredentials(connection());
    expect(agent).toEqual({ userId: expect.any(Number), name: "Ada Admin", email: "ada@acme.test", role: "admin" });
    const request = sim.requests.at(-1)!;
    expect(request.path).toBe("/acme/api/v2/users/me.json");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("ada@acme.test/token:tok-ada").toString("base64")}`);
  });

  it("reports an unknown subdomain", async () => {
    const error = await helpdeskFailure(verifyZendeskCredentials(connection("ada@acme.test", "tok-ada", "no-such-store")));
    expect(error).toMatchObject({ kind: "not_found_account", status: 404 });
  });

  it("reports a wrong API token without repeating it", async () => {
    const error = await helpdeskFailure(verifyZendeskCredentials(connection("ada@acme.test", "wrong-secret-token")));
    expect(error).toMatchObject({ kind: "invalid_credentials", status: 401 });
    expect(error.message).not.toContain("wrong-secret-token");
    expect(String(error.stack)).not.toContain("wrong-secret-token");
  });

  it("treats the anonymous user of users/me as invalid credentials", async () => {
    // Without credentials users/me answers 200 with an anonymous user rather than 401.
    const raw = await fetch(`${sim.baseUrl("acme")}/api/v2/users/me.json`);
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { user: { id: unknown } }).user.id).toBeNull();
    // A username Zendesk does not know gets the same anonymous user.
    const error = await helpdeskFailure(verifyZendeskCredentials(connection("nobody@acme.test", "tok-ada")));
    expect(error).toMatchObject({ kind: "invalid_credentials" });
  });

  it("refuses an end-user, who cannot use the Tickets API", async () => {
    const endUser = connection("sam@acme.test", "tok-sam");
    expect(await helpdeskFailure(verifyZendeskCredentials(endUser))).toMatchObject({ kind: "insufficient_role" });
    expect(await helpdeskFailure(createZendeskTicket(endUser, ticketInput()))).toMatchObject({
      kind: "insufficient_role",
      status: 403,
    });
  });
});

describe("request failures", () => {
  it("maps the per-minute rate limit to rate_limited with Retry-After seconds", async () => {
    const busy = connection("bo@busy.test", "tok-bo", "busy");
    time += 60_000;
    const raw = await fetch(`${sim.baseUrl("busy")}/api/v2/users/me.json`);
    expect(raw.headers.get("x-rate-limit")).toBe("2");
    expect(raw.headers.get("x-rate-limit-remaining")).toBe("1");
    await verifyZendeskCredentials(busy);
    time += 20_000;
    const error = await helpdeskFailure(verifyZendeskCredentials(busy));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, retryAfterSeconds: 40 });
    time += 40_000;
    await expect(verifyZendeskCredentials(busy)).resolves.toMatchObject({ email: "bo@busy.test" });
  });

  it("passes on an injected 429's Retry-After", async () => {
    sim.faults.failNext({ status: 429, retryAfterSeconds: 7 });
    expect(await helpdeskFailure(verifyZendeskCredentials(connection()))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 7 });
  });

  it("maps 5xx to server_error, with Retry-After when sent", async () => {
    sim.faults.failNext({ status: 503, retryAfterSeconds: 12 });
    sim.faults.failNext({ status: 500 });
    expect(await helpdeskFailure(verifyZendeskCredentials(connection()))).toMatchObject({
      kind: "server_error",
      status: 503,
      retryAfterSeconds: 12,
    });
    const error = await helpdeskFailure(verifyZendeskCredentials(connection()));
    expect(error).toMatchObject({ kind: "server_error", status: 500 });
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("maps a 403 to insufficient_role", async () => {
    sim.faults.failNext({ status: 403, path: "/api/v2/tickets" });
    expect(await helpdeskFailure(createZendeskTicket(connection(), ticketInput()))).toMatchObject({ kind: "insufficient_role" });
  });

  it("times out on a slow helpdesk", async () => {
    // The helpdesk would answer after 5 s; the client gives up long before (its timeout is 100 ms).
    sim.faults.setLatency(5000);
    const started = Date.now();
    const error = await helpdeskFailure(verifyZendeskCredentials({ ...connection(), timeoutMs: 100 }));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("reports a closed port as unreachable", async () => {
    const error = await helpdeskFailure(verifyZendeskCredentials({ ...connection(), baseUrl: await closedPortUrl() }));
    expect(error.kind).toBe("unreachable");
  });

  it("rejects a body that does not match the expected shape", async () => {
    sim.faults.failNext({ status: 200, body: '{"user":{"id":"7"}}' });
    expect(await helpdeskFailure(verifyZendeskCredentials(connection()))).toMatchObject({ kind: "unexpected_response" });
  });
});

describe("createZendeskTicket", () => {
  it("creates a ticket with a new end-user requester", async () => {
    const ticket = await createZendeskTicket(connection(), ticketInput({ externalId: "conv_create" }));
    expect(ticket.url).toBe(`${sim.baseUrl("acme")}/agent/tickets/${ticket.id}`);
    expect(ticket.replayed).toBe(false);
    const stored = sim.tickets("acme").find((t) => t.id === ticket.id)!;
    expect(stored).toMatchObject({ status: "new", external_id: "conv_create", tags: ["ai_escalation", "chat"] });
    expect(stored.comments).toMatchObject([{ body: "Escalated from chat: my mug arrived broken.", public: false }]);
    const requester = sim.users("acme").find((u) => u.id === stored.requester_id)!;
    expect(requester).toMatchObject({ email: "sarah@example.com", name: "Sarah Mason", role: "end-user" });
  });

  it("refuses a blank comment as invalid_request with Zendesk's description", async () => {
    const error = await helpdeskFailure(createZendeskTicket(connection(), ticketInput({ comment: { body: " ", public: true } })));
    expect(error).toMatchObject({ kind: "invalid_request", status: 422, code: "RecordInvalid" });
    expect(error.description).toContain("cannot be blank");
  });

  it("replays the same ticket for a repeated Idempotency-Key and refuses a changed body", async () => {
    const input = ticketInput({ externalId: "conv_idem", idempotencyKey: "esc_conv_idem" });
    const first = await createZendeskTicket(connection(), input);
    const again = await createZendeskTicket(connection(), input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(sim.tickets("acme").filter((t) => t.external_id === "conv_idem")).toHaveLength(1);

    const changed = await helpdeskFailure(createZendeskTicket(connection(), { ...input, subject: "Another subject" }));
    expect(changed).toMatchObject({ kind: "invalid_request", status: 400, code: "IdempotentRequestError" });
  });
});

describe("findZendeskTicketsByExternalId", () => {
  it("finds every ticket with the external id, and none for another", async () => {
    const a = await createZendeskTicket(connection(), ticketInput({ externalId: "conv_dup" }));
    const b = await createZendeskTicket(connection(), ticketInput({ externalId: "conv_dup" }));
    const found = await findZendeskTicketsByExternalId(connection(), "conv_dup");
    expect(found.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(found[0]).toMatchObject({ externalId: "conv_dup", status: "new", createdAt: expect.any(Date) });
    expect(await findZendeskTicketsByExternalId(connection(), "conv_none")).toEqual([]);
  });
});
