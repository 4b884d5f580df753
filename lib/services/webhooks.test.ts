import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { claimDueWebhooks, findDelivery, findEndpoint, listDeliveries } from "@/db/queries/webhooks";
import { listOutboxAttempts } from "@/db/queries/outbox";
import { webhookEndpoints } from "@/db/schema/webhooks";
import { appFailure } from "@/db/testing/failures";
import { startSmtpCatcher } from "@/db/testing/smtp-catcher";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startWebhookReceiver } from "@/db/testing/webhook-receiver";
import { resetEnvForTests } from "@/lib/env";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import type { OutboxPolicy } from "@/lib/outbox/policy";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";
import { setPresence } from "@/lib/services/availability";
import { createEscalation } from "@/lib/services/escalations";
import { getHandoffState, saveHandoffSettings } from "@/lib/services/handoff-settings";
import { claimConversation, closeConversation, replyToConversation } from "@/lib/services/inbox";
import { PAUSE_AFTER_MS, processWebhook } from "@/lib/services/webhook-delivery";
import * as webhooks from "@/lib/services/webhooks";

let handle: DatabaseHandle;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
const saved = { ...process.env };
const fast: OutboxPolicy = { maxAttempts: Number.POSITIVE_INFINITY, retryForMs: 3_600_000, baseDelayMs: 20, maxDelayMs: 100, leaseMs: 2_000 };

beforeAll(async () => {
  handle = await openTestDatabase();
  receiver = await startWebhookReceiver();
  smtp = await startSmtpCatcher();
  Object.assign(process.env, { BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"), ALLOW_PRIVATE_WEBHOOKS: "true", SMTP_URL: smtp.url });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), receiver.close(), smtp.close()]);
});

/** An account with an admin and an agent, and an endpoint on this file's receiver for every event. */
async function shop(
  events = ["handoff.created", "conversation.claimed", "conversation.agent_replied", "conversation.closed", "handoff_settings.updated"] as const,
) {
  const { account, members } = await createAccountWithMembers(handle, ["admin", "agent"]);
  const url = `${receiver.url}/${account.id}`;
  const { endpoint, secret } = await webhooks.createWebhookEndpoint(handle.db, { accountId: account.id, input: { url, events: [...events] } });
  // Payloads name their account: this account's requests among the file's.
  const seen = () => receiver.received.filter((r) => r.body.includes(account.id));
  return { account, admin: members[0]!, agent: members[1]!, endpoint, secret, seen };
}

async function runWorker<T>(accountId: string, until: () => Promise<T> | T, expected: T) {
  const worker = await startOutbox(handle.db, {
    kinds: ["webhook"],
    accountIds: [accountId],
    pollMs: 50,
    policy: fast,
    wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake),
  });
  try {
    await expect.poll(until, { timeout: 15_000, interval: 25 }).toEqual(expected);
  } finally {
    await worker.stop();
  }
}

const verify = (secret: string, r: { headers: Record<string, string>; body: string }) =>
  new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> };

async function handoff(accountId: string, agent: { id: string }) {
  await setPresence(handle.db, { accountId, userId: agent.id }, "available");
  const { body } = await createEscalation(handle.db, {
    accountId,
    idempotencyKey: `hook-${accountId}-${Math.random()}`,
    texts: shopperTexts("en"),
    input: {
      channel: "web_chat",
      consent: true,
      shopper: { email: "sam@example.com", name: "Sam" },
      transcript: [{ role: "shopper", text: "Where is my order?", at: new Date().toISOString() }],
    },
  });
  return body;
}

describe("signed webhooks", () => {
  it("sends each change's event signed per Standard Webhooks, written with the change", async () => {
    const s = await shop();
    const body = await handoff(s.account.id, s.agent);
    const agent = { accountId: s.account.id, userId: s.agent.id, name: "Alex" };
    await claimConversation(handle.db, agent, body.conversationId);
    // A second claim fails: its transaction (and its event) never happened.
    await expect(claimConversation(handle.db, { ...agent, userId: s.admin.id }, body.conversationId)).rejects.toThrow();
    await replyToConversation(handle.db, agent, body.conversationId, "It ships today.");
    await closeConversation(handle.db, agent, body.conversationId);
    const state = await getHandoffState(handle.db, s.account.id);
    await saveHandoffSettings(handle.db, {
      accountId: s.account.id,
      userId: s.admin.id,
      input: { method: "message", message: "Write to us", links: [], version: state.version },
    });
    const types = ["handoff.created", "conversation.claimed", "conversation.agent_replied", "conversation.closed", "handoff_settings.updated"];
    await runWorker(s.account.id, () => s.seen().length, types.length);
    const events = s.seen().map((r) => verify(s.secret, r));
    expect(events.map((e) => e.type).sort()).toEqual([...types].sort());
    const created = events.find((e) => e.type === "handoff.created")!;
    expect(created).toMatchObject({
      version: 1,
      account: { id: s.account.id },
      data: { conversationId: body.conversationId, escalationId: body.escalationId, shopper: { email: "sam@example.com", name: "Sam" } },
    });
    expect(events.find((e) => e.type === "conversation.agent_replied")!.data).toMatchObject({ text: "It ships today." });
    // A forged body fails verification.
    const sample = s.seen()[0]!;
    expect(() => verify(s.secret, { ...sample, body: sample.body.replace("}", ',"x":1}') })).toThrow();
  });

  it("retries with the same webhook-id, honours Retry-After, logs every attempt", async () => {
    const s = await shop();
    let calls = 0;
    receiver.respondWith((r) => {
      if (!r.body.includes(s.account.id)) return { status: 204 };
      calls++;
      return calls === 1
        ? { status: 429, headers: { "retry-after": "2" } }
        : calls === 2
          ? { status: 500, body: "x".repeat(5000) }
          : { status: 200, body: "ok" };
    });
    const ping = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    const [claimed] = await claimDueWebhooks(handle.db, { limit: 1, leaseMs: fast.leaseMs, ids: [ping.id] });
    const before = Date.now();
    expect(await processWebhook(handle.db, claimed!, { policy: fast })).toBe("retrying");
    const waiting = (await findDelivery(handle.db, { accountId: s.account.id, id: ping.id }))!;
    expect(waiting.lastStatusCode).toBe(429);
    // Asked for 2 s: the 20 ms backoff does not apply.
    expect(waiting.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(1_900);
    await runWorker(s.account.id, async () => (await findDelivery(handle.db, { accountId: s.account.id, id: ping.id }))!.status, "delivered");
    const requests = s.seen().filter((r) => r.headers["webhook-id"] === ping.eventId);
    expect(requests).toHaveLength(3);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(1_900);
    expect(new Set(requests.map((r) => r.body)).size).toBe(1);
    for (const r of requests) expect(verify(s.secret, r).type).toBe("ping");
    const log = await webhooks.webhookDeliveryLog(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    expect(log.deliveries[0]).toMatchObject({ status: "delivered", statusCode: 200, excerpt: "ok", attempts: 3 });
    const attempts = await listOutboxAttempts(handle.db, { accountId: s.account.id, kind: "webhook", jobId: ping.id });
    expect(attempts.map((a) => a.outcome)).toEqual(["retrying", "retrying", "delivered"]);
    expect(attempts[1]!.error!.length).toBeLessThan(1_100);
    receiver.respondWith(() => ({ status: 204 }));

    // Resend: the same id again.
    await webhooks.resendDelivery(handle.db, { accountId: s.account.id, id: ping.id });
    await runWorker(s.account.id, () => s.seen().filter((r) => r.headers["webhook-id"] === ping.eventId).length, 4);
  });

  it("signs with the old secret too for 24 hours after a rotation", async () => {
    const s = await shop();
    const fresh = await webhooks.rotateWebhookSecret(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    const ping = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    await runWorker(s.account.id, () => s.seen().filter((r) => r.headers["webhook-id"] === ping.eventId).length, 1);
    const request = s.seen().find((r) => r.headers["webhook-id"] === ping.eventId)!;
    expect(request.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verify(fresh, request).type).toBe("ping");
    expect(verify(s.secret, request).type).toBe("ping");
    // Once the 24 hours are over, only the new secret signs.
    await handle.db
      .update(webhookEndpoints)
      .set({ previousSecretExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(webhookEndpoints.id, s.endpoint.id));
    const later = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    await runWorker(s.account.id, () => s.seen().filter((r) => r.headers["webhook-id"] === later.eventId).length, 1);
    const after = s.seen().find((r) => r.headers["webhook-id"] === later.eventId)!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(() => verify(s.secret, after)).toThrow();
  });

  it("a 410 disables the endpoint; no more events are queued for it", async () => {
    const s = await shop();
    receiver.respondWith((r) => (r.body.includes(s.account.id) ? { status: 410, body: "gone" } : { status: 204 }));
    const ping = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    await runWorker(s.account.id, async () => (await findDelivery(handle.db, { accountId: s.account.id, id: ping.id }))!.status, "failed");
    receiver.respondWith(() => ({ status: 204 }));
    expect(await findEndpoint(handle.db, { accountId: s.account.id, id: s.endpoint.id })).toMatchObject({ state: "disabled", stateReason: "gone" });
    await handoff(s.account.id, s.agent);
    expect(await listDeliveries(handle.db, { accountId: s.account.id, endpointId: s.endpoint.id, limit: 10 })).toHaveLength(1);
  });

  it("an endpoint failing for 3 days is paused and its admins are emailed", async () => {
    const s = await shop();
    receiver.respondWith((r) => (r.body.includes(s.account.id) ? { status: 503 } : { status: 204 }));
    await handle.db
      .update(webhookEndpoints)
      .set({ failingSince: new Date(Date.now() - PAUSE_AFTER_MS - 60_000) })
      .where(eq(webhookEndpoints.id, s.endpoint.id));
    const ping = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    const [claimed] = await claimDueWebhooks(handle.db, { limit: 1, leaseMs: fast.leaseMs, ids: [ping.id] });
    expect(await processWebhook(handle.db, claimed!, { policy: fast })).toBe("retrying");
    receiver.respondWith(() => ({ status: 204 }));
    expect(await findEndpoint(handle.db, { accountId: s.account.id, id: s.endpoint.id })).toMatchObject({ state: "paused", stateReason: "failing" });
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(s.admin.email)).length).toBe(1);
    expect(smtp.received.find((m) => m.to.includes(s.admin.email))!.raw).toContain("paused");
    // Paused: its queued delivery is not sent, and an admin can enable it again.
    await runWorker(s.account.id, async () => (await findDelivery(handle.db, { accountId: s.account.id, id: ping.id }))!.status, "failed");
    await webhooks.setWebhookState(handle.db, { accountId: s.account.id, id: s.endpoint.id, state: "enabled" });
    expect(await findEndpoint(handle.db, { accountId: s.account.id, id: s.endpoint.id })).toMatchObject({ state: "enabled", failingSince: null });
  });

  it("refuses non-https URLs, and another account can neither see nor change endpoints or logs", async () => {
    const s = await shop();
    const other = await createAccountWithMembers(handle, ["admin"]);
    for (const url of ["http://example.com/hook", "ftp://example.com", "https://user:pw@example.com/hook", "not a url"]) {
      expect((await appFailure(webhooks.createWebhookEndpoint(handle.db, { accountId: s.account.id, input: { url, events: ["ping" as never] } }))).code).toBe(
        "validation_failed",
      );
    }
    const ping = await webhooks.sendTestEvent(handle.db, { accountId: s.account.id, id: s.endpoint.id });
    const theirs = { accountId: other.account.id, id: s.endpoint.id };
    expect(await webhooks.webhookEndpoints(handle.db, other.account.id)).toEqual([]);
    // Each attempt starts only when awaited: a rejection started early would be unhandled.
    for (const attempt of [
      () => webhooks.webhookEndpoint(handle.db, theirs),
      () => webhooks.webhookDeliveryLog(handle.db, theirs),
      () => webhooks.sendTestEvent(handle.db, theirs),
      () => webhooks.rotateWebhookSecret(handle.db, theirs),
      () => webhooks.setWebhookState(handle.db, { ...theirs, state: "paused" }),
      () => webhooks.deleteWebhookEndpoint(handle.db, theirs),
      () => webhooks.resendDelivery(handle.db, { accountId: other.account.id, id: ping.id }),
    ]) {
      expect((await appFailure(attempt())).code).toBe("not_found");
    }
    expect(await findEndpoint(handle.db, { accountId: s.account.id, id: s.endpoint.id })).toMatchObject({ state: "enabled" });
  });
});
