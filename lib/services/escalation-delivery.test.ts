import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { escalations } from "@/db/schema/escalations";
import { requeueNow } from "@/db/queries/escalations";
import { listOutboxAttempts } from "@/db/queries/outbox";
import * as fixtures from "@/db/testing/forwarding";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { approveZendeskConsent } from "@/e2e/simulators/zendesk-consent";
import { resetEnvForTests } from "@/lib/env";
import { backoffMs, type OutboxPolicy } from "@/lib/outbox/policy";
import { startOutbox } from "@/lib/outbox/queues";
import { CHANGES_CHANNEL } from "@/lib/realtime/channel";
import { connectZendeskWithToken, finishZendeskOAuth, startZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { deliverNow } from "@/lib/services/escalation-delivery";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";

let handle: DatabaseHandle;
let zendesk: ZendeskSimulator;
const saved = { ...process.env };
const client = { clientId: "zdg-fwd", clientSecret: "fwd-secret" };
const fast: OutboxPolicy = { maxAttempts: Number.POSITIVE_INFINITY, retryForMs: 3_600_000, baseDelayMs: 20, maxDelayMs: 500, leaseMs: 400 };

beforeAll(async () => {
  handle = await openTestDatabase();
  zendesk = await startZendeskSimulator({ oauthClient: { ...client, redirectUris: [/callback$/] } });
  Object.assign(process.env, {
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    ZENDESK_OAUTH_CLIENT_ID: client.clientId,
    ZENDESK_OAUTH_CLIENT_SECRET: client.clientSecret,
    ZENDESK_REQUESTS_PER_MINUTE: "1000000",
    // The chaos run's slow answers (1.2 s) outlast it: the outcome Baton never learns.
    HELPDESK_TIMEOUT_MS: "1000",
  });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), zendesk.close()]);
});

const zendeskShop = (subdomain: string) => fixtures.zendeskShop(handle, zendesk, subdomain);
const escalate = (accountId: string, n: number) => fixtures.escalate(handle, accountId, n);
const statusCounts = (accountId: string) => fixtures.statusCounts(handle, accountId);

describe("forwarding", () => {
  it("backs off exponentially with jitter, within bounds", () => {
    const policy: OutboxPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 60_000, leaseMs: 1000 };
    expect(backoffMs(1, policy, () => 0)).toBe(500);
    expect(backoffMs(1, policy, () => 1)).toBe(1000);
    expect(backoffMs(4, policy, () => 0.5)).toBe(6000);
    expect(backoffMs(20, policy, () => 1)).toBe(60_000);
  });

  it("chaos: 1,000 escalations through 30% faults (500/503, 429 with Retry-After, timeouts) and three worker kills end delivered exactly once", async () => {
    const run = await fixtures.runChaos(handle, zendesk, { subdomain: "chaos", total: 1000, kills: 3, policy: fast, slowMs: 1200 });
    const statuses = (code: number) => run.seen.filter((r) => r.status === code).length;
    console.log(`chaos: ${run.seen.length} requests in ${run.seconds.toFixed(0)} s; 429: ${statuses(429)}, 500: ${statuses(500)}, 503: ${statuses(503)}`);
    // The faults really happened, and retries really went out.
    expect(statuses(429)).toBeGreaterThan(30);
    expect(statuses(500) + statuses(503)).toBeGreaterThan(30);
    expect(run.statuses).toEqual({ delivered: 1000 });
    expect(run.perConversation).toHaveLength(1000);
    expect(run.perConversation.every((n) => n === 1)).toBe(true);
  }, 300_000);

  it("revoked credentials that a refresh cannot fix land in Baton Inbox as failed at once, with the reason; Retry now delivers after reconnecting", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const actor = { accountId: account.id, userId: members[0]!.id };
    zendesk.addAccount({ subdomain: "revoked", agents: [{ email: "agent@revoked.test", name: "Agent", role: "agent", apiToken: "tok" }] });
    const url = await startZendeskOAuth(handle.db, actor, { subdomain: "revoked" });
    const callback = await approveZendeskConsent(url);
    await finishZendeskOAuth(handle.db, actor, { state: callback.searchParams.get("state")!, code: callback.searchParams.get("code")! });
    await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "zendesk", version: 0 } });

    zendesk.revokeAllTokens("revoked");
    const started = Date.now();
    const id = await escalate(actor.accountId, 1);
    expect(await deliverNow(handle.db, id)).toBe("failed");
    expect(Date.now() - started).toBeLessThan(60_000);
    const [failed] = await handle.db.select().from(escalations).where(eq(escalations.id, id));
    expect(failed).toMatchObject({ status: "failed", destination: "zendesk" });
    expect(failed!.lastError).toMatch(/Zendesk: credentials were refused/);

    zendesk.addUser("revoked", { email: "agent2@revoked.test", name: "Agent 2", role: "agent", apiToken: "tok2" });
    await connectZendeskWithToken(handle.db, actor, { subdomain: "revoked", email: "agent2@revoked.test", token: "tok2" });
    expect(await requeueNow(handle.db, { accountId: actor.accountId, id })).toBe("requeued");
    expect(await deliverNow(handle.db, id)).toBe("delivered");
    expect(zendesk.tickets("revoked")).toHaveLength(1);
  });

  it("the handoff only records the escalation: the outbox, woken by its commit, delivers it and logs every attempt", async () => {
    const actor = await zendeskShop("woken");
    // A poll far beyond the test's timeout: only the commit's notification can start the delivery.
    const outbox = await startOutbox(handle.db, {
      kinds: ["escalation"],
      accountIds: [actor.accountId],
      pollMs: 600_000,
      // A lease longer than any attempt here: with fast's 400 ms, a slow attempt's job is claimed
      // again by design (the lease bounds an attempt), which this test is not about.
      policy: { ...fast, leaseMs: 30_000 },
      wakeOn: (wake) => handle.listen(CHANGES_CHANNEL, wake),
    });
    try {
      zendesk.faults.failNext({ status: 503, retryAfterSeconds: 0, account: "woken" });
      const id = await escalate(actor.accountId, 7);
      await expect.poll(async () => (await statusCounts(actor.accountId)).delivered ?? 0, { timeout: 10_000 }).toBe(1);
      const log = await listOutboxAttempts(handle.db, { accountId: actor.accountId, kind: "escalation", jobId: id });
      expect(log.map((a) => [a.attempt, a.outcome])).toEqual([
        [1, "retrying"],
        [2, "delivered"],
      ]);
      expect(log[0]!.error).toMatch(/Zendesk: server error \(HTTP 503\)/);
      expect(await listOutboxAttempts(handle.db, { accountId: randomUUID(), kind: "escalation", jobId: id })).toEqual([]);
    } finally {
      await outbox.stop();
    }
  });
});
