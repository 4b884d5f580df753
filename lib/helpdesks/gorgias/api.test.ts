import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startGorgiasSimulator, type GorgiasSimulator } from "@/e2e/simulators/gorgias";
import {
  checkGorgiasRole,
  createGorgiasTicket,
  findGorgiasTicketsByExternalId,
  findOrCreateGorgiasCustomerByPhone,
  parseGorgiasDatetime,
  verifyGorgiasCredentials,
  type GorgiasConnection,
  type GorgiasTicketInput,
} from "@/lib/helpdesks/gorgias/api";
import { helpdeskFailure } from "@/db/testing/failures";

let sim: GorgiasSimulator;
let time = Date.parse("2026-11-20T10:00:00Z");

beforeAll(async () => {
  sim = await startGorgiasSimulator({ now: () => time });
  sim.addAccount({
    domain: "acme",
    users: [
      { email: "ada@acme.test", name: "Ada Admin", role: "admin", apiKey: "key-ada" },
      { email: "olly@acme.test", name: "Olly Observer", role: "observer-agent", apiKey: "key-olly" },
    ],
  });
  sim.addAccount({ domain: "busy", users: [{ email: "bo@busy.test", apiKey: "key-bo" }] });
});
afterAll(() => sim.close());
afterEach(() => sim.faults.reset());

const connection = (email = "ada@acme.test", apiKey = "key-ada", domain = "acme"): GorgiasConnection => ({
  baseUrl: sim.baseUrl(domain),
  email,
  apiKey,
});

const ticketInput = (overrides: Partial<GorgiasTicketInput> = {}): GorgiasTicketInput => ({
  customer: { email: "sarah@example.com", name: "Sarah Mason" },
  subject: "Order #1042 arrived damaged",
  message: { bodyText: "My mug arrived broken.", sentAt: new Date("2026-11-20T09:58:00Z") },
  tags: ["ai-escalation"],
  externalId: "conv_1",
  ...overrides,
});

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("verifyGorgiasCredentials", () => {
  it("returns the account behind an API key", async () => {
    await expect(verifyGorgiasCredentials(connection())).resolves.toEqual({
      domain: "acme",
      status: "active",
      email: "ada@acme.test",
    });
    expect(sim.requests.at(-1)?.headers.authorization).toBe(basic("ada@acme.test", "key-ada"));
  });

  it("reports an unknown domain (Gorgias answers with an HTML 404)", async () => {
    const error = await helpdeskFailure(verifyGorgiasCredentials(connection("ada@acme.test", "key-ada", "no-such-store")));
    expect(error).toMatchObject({ kind: "not_found_account", status: 404 });
  });

  it("reports a wrong API key without repeating it", async () => {
    const error = await helpdeskFailure(verifyGorgiasCredentials(connection("ada@acme.test", "wrong-secret-key")));
    expect(error).toMatchObject({ kind: "invalid_credentials", status: 401, description: "Unauthorized." });
    expect(error.message).not.toContain("wrong-secret-key");
  });

  it("times out on a slow helpdesk and reports a closed port as unreachable", async () => {
    sim.faults.setLatency(1000);
    expect(await helpdeskFailure(verifyGorgiasCredentials({ ...connection(), timeoutMs: 100 }))).toMatchObject({ kind: "timeout" });
    sim.faults.setLatency(0);

    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const error = await helpdeskFailure(verifyGorgiasCredentials({ ...connection(), baseUrl: `http://127.0.0.1:${port}/acme` }));
    expect(error.kind).toBe("unreachable");
  });

  it("maps a 503 to server_error with its Retry-After", async () => {
    sim.faults.failNext({ status: 503, retryAfterSeconds: 30 });
    expect(await helpdeskFailure(verifyGorgiasCredentials(connection()))).toMatchObject({
      kind: "server_error",
      retryAfterSeconds: 30,
    });
  });
});

describe("Gorgias rate limit (leaky bucket, 40 requests per 20 s)", () => {
  it("reports the bucket on every response, including refusals", async () => {
    const ok = await fetch(`${sim.baseUrl("acme")}/api/account`, { headers: { Authorization: basic("ada@acme.test", "key-ada") } });
    expect(ok.headers.get("x-gorgias-account-api-call-limit")).toMatch(/^\d+\/40$/);
    const refused = await fetch(`${sim.baseUrl("acme")}/api/account`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-gorgias-account-api-call-limit")).toMatch(/^\d+\/40$/);
  });

  it("answers 429 with Retry-after once the bucket is full, and drains over time", async () => {
    const busy = connection("bo@busy.test", "key-bo", "busy");
    for (let i = 0; i < 40; i++) await verifyGorgiasCredentials(busy);
    const error = await helpdeskFailure(verifyGorgiasCredentials(busy));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(20);
    const full = await fetch(`${sim.baseUrl("busy")}/api/account`, { headers: { Authorization: basic("bo@busy.test", "key-bo") } });
    expect(full.status).toBe(429);
    expect(full.headers.get("x-gorgias-account-api-call-limit")).toBe("40/40");

    time += (error.retryAfterSeconds ?? 0) * 1000;
    await expect(verifyGorgiasCredentials(busy)).resolves.toMatchObject({ domain: "busy" });
  });

  it("passes on an injected 429's Retry-after", async () => {
    sim.faults.failNext({ status: 429, retryAfterSeconds: 9 });
    expect(await helpdeskFailure(verifyGorgiasCredentials(connection()))).toMatchObject({ kind: "rate_limited", retryAfterSeconds: 9 });
  });
});

describe("createGorgiasTicket", () => {
  it("creates an API-channel ticket whose messages are marked as already sent", async () => {
    const ticket = await createGorgiasTicket(connection(), ticketInput({ externalId: "conv_create" }));
    expect(ticket.url).toBe(`${sim.baseUrl("acme")}/app/ticket/${ticket.id}`);
    const stored = sim.tickets("acme").find((t) => t.id === ticket.id)!;
    expect(stored).toMatchObject({
      external_id: "conv_create",
      channel: "api",
      via: "api",
      from_agent: false,
      subject: "Order #1042 arrived damaged",
      customer: { email: "sarah@example.com", name: "Sarah Mason" },
      tags: [{ name: "ai-escalation" }],
    });
    expect(stored.messages).toMatchObject([
      { channel: "api", via: "api", from_agent: false, body_text: "My mug arrived broken.", sender: { email: "sarah@example.com" } },
    ]);
    expect(parseGorgiasDatetime(stored.messages![0]!.sent_datetime!).toISOString()).toBe("2026-11-20T09:58:00.000Z");
    // With sent_datetime set, Gorgias does not send the message out again.
    expect(sim.outbox("acme")).toEqual([]);
  });

  it("refuses an observer, whose role cannot write", async () => {
    const error = await helpdeskFailure(createGorgiasTicket(connection("olly@acme.test", "key-olly"), ticketInput()));
    expect(error).toMatchObject({ kind: "insufficient_role", status: 403 });
  });

  it("reports Gorgias' validation errors as invalid_request", async () => {
    const error = await helpdeskFailure(createGorgiasTicket(connection(), ticketInput({ externalId: "x".repeat(256) })));
    expect(error).toMatchObject({ kind: "invalid_request", status: 400 });
    expect(error.description).toContain("external_id");
  });
});

describe("Gorgias as Gorgias expects it", () => {
  it("refuses a read-only (observer) user's key at connection; agents and admins pass", async () => {
    expect(await helpdeskFailure(checkGorgiasRole(connection("olly@acme.test", "key-olly")))).toMatchObject({ kind: "insufficient_role" });
    await expect(checkGorgiasRole(connection())).resolves.toBe("admin");
  });

  it("an SMS shopper known only by phone: found or created by that number, the ticket sent by customer id, never an empty email", async () => {
    const first = await findOrCreateGorgiasCustomerByPhone(connection(), { phone: "+14155550142", name: "+14155550142" });
    const again = await findOrCreateGorgiasCustomerByPhone(connection(), { phone: "+14155550142", name: "+14155550142" });
    expect(again.id).toBe(first.id);
    expect(sim.customers("acme").filter((c) => c.channels.some((ch) => ch.address === "+14155550142"))).toHaveLength(1);
    const ticket = await createGorgiasTicket(connection(), {
      ...ticketInput({ externalId: "conv_sms" }),
      customer: { id: first.id, name: "+14155550142" },
      channel: "sms",
      from: "+14155550142",
      to: "+14155550100",
      note: { bodyText: "AI agent: I could not find the order.", sentAt: new Date("2026-11-20T09:59:00Z") },
    });
    const stored = sim.tickets("acme").find((t) => t.id === ticket.id)!;
    expect(stored.customer).toMatchObject({ id: first.id, email: null });
    expect(stored.messages).toMatchObject([
      {
        channel: "sms",
        from_agent: false,
        public: true,
        body_text: "My mug arrived broken.",
        sender: { id: first.id },
        source: { from: { address: "+14155550142" }, to: [{ address: "+14155550100" }] },
      },
      { channel: "internal-note", from_agent: true, public: false, body_text: "AI agent: I could not find the order." },
    ]);
    // Nothing went out to the shopper: both are marked as already sent or are notes.
    expect(sim.outbox("acme").filter((m) => m.ticket_id === ticket.id)).toEqual([]);
  });

  it("the strict simulator refuses an empty email and a field Gorgias does not publish", async () => {
    const empty = await helpdeskFailure(createGorgiasTicket(connection(), ticketInput({ customer: { email: "", name: "Nobody" } })));
    expect(empty).toMatchObject({ kind: "invalid_request", status: 400 });
    expect(empty.description).toContain("Not a valid email address.");
    const invented = await fetch(`${sim.baseUrl("acme")}/api/tickets`, {
      method: "POST",
      headers: { Authorization: basic("ada@acme.test", "key-ada"), "Content-Type": "application/json" },
      body: JSON.stringify({ messages: [{ channel: "api", from_agent: false, sender: { email: "a@b.co" }, body_text: "x", mood: "sad" }] }),
    });
    expect(invented.status).toBe(400);
    expect(await invented.json()).toMatchObject({ error: { data: { messages: { 0: { mood: ["Unknown field."] } } } } });
  });
});

describe("findGorgiasTicketsByExternalId", () => {
  it("finds every ticket with the external id: a retried creation makes a second ticket", async () => {
    const a = await createGorgiasTicket(connection(), ticketInput({ externalId: "conv_retry" }));
    const b = await createGorgiasTicket(connection(), ticketInput({ externalId: "conv_retry" }));
    expect(b.id).not.toBe(a.id);
    const found = await findGorgiasTicketsByExternalId(connection(), "conv_retry");
    expect(found.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    expect(found[0]).toMatchObject({ externalId: "conv_retry", status: "open", createdAt: new Date(time) });
    expect(await findGorgiasTicketsByExternalId(connection(), "conv_none")).toEqual([]);
  });
});
