import { expect, test, type Browser, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { startFleet, type Fleet } from "./support/fleet";

// Baton as a fleet on PostgreSQL: two `next start`, two workers, a round-robin proxy on loopback.
// PGlite is one process by construction, so without TEST_DATABASE_URL (a PostgreSQL server) this
// spec is skipped, and says so.
const postgresUrl = process.env.TEST_DATABASE_URL;
const PER_KEY_LIMIT = 60;
const ESCALATIONS = 1000;
const ACCOUNTS = 25; // 40 escalations per key: inside the per-key limit
const fleetPorts = (): [number, number] => {
  const base = Number(process.env.E2E_PORT || 3100);
  return [base + 2, base + 3];
};

test.describe.configure({ mode: "serial" });
if (!postgresUrl) console.log("fleet.spec.ts: skipped, it needs PostgreSQL (TEST_DATABASE_URL); PGlite serves one process.");
test.skip(!postgresUrl, "the fleet needs PostgreSQL (TEST_DATABASE_URL); PGlite serves one process");

let fleet: Fleet;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  fleet = await startFleet({ postgresUrl: postgresUrl!, ports: fleetPorts(), perKeyLimit: PER_KEY_LIMIT, zendeskAccounts: ACCOUNTS });
});
test.afterAll(async () => {
  await fleet?.stop();
});

async function signedInOn(browser: Browser, server: string, email: string, password: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  return page;
}

const api = (server: string, path: string, key: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${server}/api/widget/v1${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { Authorization: `Bearer ${key}`, ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

const escalation = (email: string, text: string) => ({
  channel: "web_chat",
  consent: true,
  shopper: { email },
  transcript: [{ role: "shopper", text, at: new Date().toISOString() }],
});

test("a handoff made through one server reaches an inbox stream on the other", async ({ browser }) => {
  const [a, b] = fleet.servers as [string, string];
  const inbox = await signedInOn(browser, b, fleet.inbox.agentEmail, fleet.inbox.password);
  const email = `stream-${randomUUID().slice(0, 8)}@example.com`;
  const created = await api(a, "/escalations", fleet.inbox.sk, {
    body: escalation(email, "Which server am I on?"),
    headers: { "Idempotency-Key": randomUUID() },
  });
  expect(created.status).toBe(201);
  await expect(inbox.getByTestId("inbox-row").filter({ hasText: email })).toBeVisible();
  await inbox.close();
});

test("an agent's reply through one server reaches the shopper's event stream on the other", async ({ browser }) => {
  const [a, b] = fleet.servers as [string, string];
  const { pk } = fleet.inbox;
  const started = (await (await api(a, "/conversations", pk, { body: { channel: "web_chat" }, headers: { Origin: a } })).json()) as {
    id: string;
    token: string;
  };
  const headers = { Origin: a, "X-Conversation-Token": started.token };
  await api(a, `/conversations/${started.id}/messages`, pk, { body: { text: "Can you engrave a name on the box?" }, headers });
  const email = `reply-${randomUUID().slice(0, 8)}@example.com`;
  const handed = (await (await api(a, `/conversations/${started.id}/handoff`, pk, { body: { consent: true, email }, headers })).json()) as {
    reply: { type: string };
  };
  expect(handed.reply.type).toBe("handed_to_inbox");

  const stream = await api(b, `/conversations/${started.id}/events?after=0`, pk, {
    headers: { Origin: b, "X-Conversation-Token": started.token, Accept: "text/event-stream" },
  });
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  let received = "";
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      received += value;
    }
  })();

  const agent = await signedInOn(browser, a, fleet.inbox.agentEmail, fleet.inbox.password);
  await agent.goto(`${a}/inbox/${started.id}`);
  await agent.getByRole("button", { name: "Claim" }).click();
  const reply = `Yes, we engrave for free (${randomUUID().slice(0, 6)}).`;
  await agent.getByLabel("Reply to the shopper").fill(reply);
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect.poll(() => received.includes(reply), { timeout: 10_000 }).toBe(true);
  await reader.cancel();
  await agent.close();
});

test(`a per-key limit of ${PER_KEY_LIMIT} a minute holds across both servers`, async () => {
  const key = fleet.zendeskAccounts[0]!.pk;
  const statuses: number[] = [];
  for (let i = 0; i < PER_KEY_LIMIT * 2; i++) statuses.push((await api(fleet.proxy, "/config", key, { headers: { Origin: fleet.proxy } })).status);
  const allowed = statuses.filter((s) => s === 200).length;
  console.log(`fleet: per-key limit ${PER_KEY_LIMIT}: ${allowed} of ${statuses.length} allowed through two servers`);
  expect(allowed).toBeGreaterThanOrEqual(PER_KEY_LIMIT);
  expect(allowed).toBeLessThanOrEqual(PER_KEY_LIMIT + 2);
  expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
});

test(`${ESCALATIONS} escalations over both servers, one worker killed mid-run: exactly ${ESCALATIONS} Zendesk tickets`, async () => {
  test.setTimeout(170_000);
  const started = Date.now();
  // One create in five fails with 503: those wait for a retry, which only the workers make.
  fleet.zendesk.faults.failRandomly(0.2, { status: 503 });
  const tickets = () => fleet.zendeskAccounts.flatMap((a) => fleet.zendesk.tickets(a.subdomain!));
  let sent = 0;
  const send = async () => {
    while (sent < ESCALATIONS) {
      const n = sent++;
      const account = fleet.zendeskAccounts[n % ACCOUNTS]!;
      const res = await api(fleet.proxy, "/escalations", account.sk, {
        body: escalation(`fleet-${n}@example.com`, `Question ${n}`),
        headers: { "Idempotency-Key": `fleet-${n}` },
      });
      expect(res.status).toBe(201);
      if (n === ESCALATIONS / 2) process.kill(-fleet.workers[0]!.pid!, "SIGKILL");
    }
  };
  await Promise.all(Array.from({ length: 16 }, send));
  const sentAt = Date.now();
  await expect.poll(() => tickets().length, { timeout: 150_000, intervals: [500] }).toBeGreaterThanOrEqual(ESCALATIONS);
  const all = tickets();
  console.log(
    `fleet: ${ESCALATIONS} escalations sent in ${((sentAt - started) / 1000).toFixed(1)} s; ${all.length} tickets after ${((Date.now() - started) / 1000).toFixed(1)} s (one worker killed at ${ESCALATIONS / 2})`,
  );
  expect(all).toHaveLength(ESCALATIONS);
  expect(new Set(all.map((t) => t.external_id)).size).toBe(ESCALATIONS);
  fleet.zendesk.faults.reset();
});
