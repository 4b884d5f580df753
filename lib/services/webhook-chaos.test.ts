import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { insertDeliveries, listDeliveries } from "@/db/queries/webhooks";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startFaultyReceiverThread } from "@/db/testing/webhook-receiver";
import { resetEnvForTests } from "@/lib/env";
import type { OutboxPolicy } from "@/lib/outbox/policy";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";
import { newEventId } from "@/lib/services/webhook-events";
import { createWebhookEndpoint } from "@/lib/services/webhooks";

let handle: DatabaseHandle;
let receiver: Awaited<ReturnType<typeof startFaultyReceiverThread>>;
const saved = { ...process.env };
// Short delays and lease so the run fits in seconds; the timeout is shortened the same way.
const policy: OutboxPolicy = { maxAttempts: Number.POSITIVE_INFINITY, retryForMs: 3_600_000, baseDelayMs: 20, maxDelayMs: 200, leaseMs: 3_000 };
const TOTAL = 1000;

beforeAll(async () => {
  handle = await openTestDatabase();
  receiver = await startFaultyReceiverThread({ seed: 15, faultRate: 0.3 });
  Object.assign(process.env, { BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"), ALLOW_PRIVATE_WEBHOOKS: "true", WEBHOOK_TIMEOUT_MS: "1500" });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), receiver.close()]);
});

describe("webhook chaos", () => {
  it("1,000 events through 30% faults and two worker kills: every one delivered, none lost, ids stable", async () => {
    const { account } = await createAccountWithMembers(handle, ["admin"]);
    const { endpoint, secret } = await createWebhookEndpoint(handle.db, { accountId: account.id, input: { url: receiver.url, events: ["handoff.created"] } });
    const rows = Array.from({ length: TOTAL }, (_, n) => {
      const eventId = newEventId();
      return {
        accountId: account.id,
        endpointId: endpoint.id,
        eventId,
        type: "handoff.created",
        payload: { id: eventId, type: "handoff.created", version: 1, data: { n } },
      };
    });
    for (let i = 0; i < TOTAL; i += 250) await insertDeliveries(handle.db, rows.slice(i, i + 250));

    const delivered = () => new Set(receiver.received.filter((r) => r.headers["webhook-id"]).map((r) => r.headers["webhook-id"]!)).size;
    const start = () =>
      startOutbox(handle.db, {
        kinds: ["webhook"],
        accountIds: [account.id],
        policy,
        pollMs: 100,
        onOutcome: (o) => void (outcomes[o as string] = (outcomes[o as string] ?? 0) + 1),
        wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake),
      });
    const t0 = performance.now();
    const outcomes: Record<string, number> = {};
    let worker = await start();
    for (const at of [250, 600]) {
      await expect.poll(delivered, { timeout: 90_000, interval: 20 }).toBeGreaterThanOrEqual(at);
      console.log(`[chaos] ${at} delivered after ${Math.round(performance.now() - t0)} ms, ${receiver.received.length} requests`);
      // Killed mid-flight: its attempts' results are dropped, their leases end, another worker takes them.
      await worker.stop({ abandon: true });
      worker = await start();
    }
    try {
      await expect
        .poll(
          async () =>
            (await listDeliveries(handle.db, { accountId: account.id, endpointId: endpoint.id, limit: TOTAL })).every((d) => d.status === "delivered"),
          {
            timeout: 120_000,
            interval: 100,
          },
        )
        .toBe(true);
    } finally {
      await worker.stop();
    }
    console.log(
      `[chaos] all delivered after ${Math.round(performance.now() - t0)} ms, ${receiver.received.length} requests, outcomes ${JSON.stringify(outcomes)}`,
    );

    // Every event arrived; every request for one event carried the same id and body, all signed.
    const byId = new Map<string, Set<string>>();
    for (const request of receiver.received) {
      new Webhook(secret).verify(request.body, request.headers);
      const id = request.headers["webhook-id"]!;
      byId.set(id, (byId.get(id) ?? new Set()).add(request.body));
    }
    expect(byId.size).toBe(TOTAL);
    expect([...byId.keys()].sort()).toEqual(rows.map((r) => r.eventId).sort());
    for (const [id, bodies] of byId) {
      expect(bodies.size).toBe(1);
      expect(JSON.parse([...bodies][0]!).id).toBe(id);
    }
    // Retries happened (the faults were real).
    expect(receiver.received.length).toBeGreaterThan(TOTAL * 1.2);
    // Under ~30 s on an idle machine; the generous limits are for a loaded one (shared CI cores).
  }, 240_000);
});
