import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { claimDueEscalations } from "@/db/queries/escalations";
import { escalations } from "@/db/schema/escalations";
import { escalate, statusCounts, ticketsPerConversation, zendeskShop } from "@/db/testing/forwarding";
import { openTestDatabase } from "@/db/testing/test-database";
import { startSmtpCatcher, type SmtpCatcher } from "@/e2e/simulators/smtp";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { resetEnvForTests } from "@/lib/env";
import { forgetLearnedLimits } from "@/lib/helpdesks/budget";
import { listHelpdeskIncidents } from "@/lib/services/helpdesk-incidents";
import { escalationPolicy, processEscalation, retryDelivery } from "@/lib/services/escalation-delivery";

// The retry policy over hours of simulated time: only Date is faked (timers, sockets and the
// database run for real), and each step claims what is due "now", attempts it and moves the clock.

let handle: DatabaseHandle;
let zendesk: ZendeskSimulator;
let smtp: SmtpCatcher;
const saved = { ...process.env };

beforeAll(async () => {
  handle = await openTestDatabase();
  [zendesk, smtp] = await Promise.all([startZendeskSimulator(), startSmtpCatcher()]);
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    ZENDESK_REQUESTS_PER_MINUTE: "1000000",
  });
  resetEnvForTests();
  forgetLearnedLimits();
});
afterEach(() => {
  vi.useRealTimers();
  zendesk.faults.reset();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), zendesk.close(), smtp.close()]);
});

/**
 * Attempts the test's jobs due at the (fake) clock's now; returns the outcomes. Only its own: on
 * PostgreSQL other files share the database, and their jobs are not this clock's business.
 */
async function attemptDue(ids: string[]) {
  const policy = escalationPolicy();
  const jobs = await claimDueEscalations(handle.db, { limit: 500, leaseMs: policy.leaseMs, ids });
  return Promise.all(jobs.map((job) => processEscalation(handle.db, job, { policy })));
}

/** Moves the fake clock by `ms`, attempting what is due after every `stepMs`. */
async function runFor(ids: string[], ms: number, stepMs = 60_000) {
  const outcomes: string[] = [];
  for (let t = 0; t < ms; t += stepMs) {
    outcomes.push(...(await attemptDue(ids)));
    vi.setSystemTime(Date.now() + stepMs);
  }
  return outcomes;
}

const fakeClock = () => vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 });

describe("forwarding retries", () => {
  it("a 30-minute total outage, then recovery: every queued escalation is delivered once, none failed", async () => {
    const actor = await zendeskShop(handle, zendesk, "outage");
    const ids = await Promise.all(Array.from({ length: 40 }, (_, n) => escalate(handle, actor.accountId, n)));
    fakeClock();
    zendesk.faults.failRandomly(1, () => ({ status: 503 }));
    const during = await runFor(ids, 30 * 60_000);
    expect(during.filter((o) => o === "failed")).toEqual([]);
    expect(during.filter((o) => o === "retrying").length).toBeGreaterThan(ids.length * 5);
    expect(await statusCounts(handle, actor.accountId)).toEqual({ queued: 40 });

    // The card's words: how long, how many wait.
    const [incident] = await listHelpdeskIncidents(handle.db, { accountId: actor.accountId });
    expect(incident).toMatchObject({ destination: "zendesk", waiting: 40 });
    expect(Date.now() - Date.parse(incident!.since)).toBeGreaterThanOrEqual(29 * 60_000);
    // The account's admin was emailed once for the whole outage (after FORWARDING_ALERT_MINUTES).
    const alerts = smtp.mails.filter((m) => /not accepting tickets from Baton/.test(m.header("Subject") ?? ""));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.to).toEqual([expect.stringMatching(/^admin0-.*@example\.test$/)]);

    zendesk.faults.reset();
    // The backoff is capped at 10 minutes: within two caps everything is through.
    await runFor(ids, 20 * 60_000);
    expect(await statusCounts(handle, actor.accountId)).toEqual({ delivered: 40 });
    expect(ticketsPerConversation(zendesk.tickets("outage"))).toEqual(Array(40).fill(1));
    expect(await listHelpdeskIncidents(handle.db, { accountId: actor.accountId })).toEqual([]);
  }, 180_000);

  it("gives up on transient failures only after FORWARDING_RETRY_HOURS, and Retry now starts a new window", async () => {
    const actor = await zendeskShop(handle, zendesk, "dayout");
    const id = await escalate(handle, actor.accountId, 1);
    fakeClock();
    zendesk.faults.failRandomly(1, () => ({ status: 500 }));
    const outcomes = await runFor([id], 23.5 * 3_600_000, 15 * 60_000);
    expect(outcomes).not.toContain("failed");
    const more = await runFor([id], 1 * 3_600_000, 15 * 60_000);
    expect(more).toContain("failed");
    const [row] = await handle.db.select().from(escalations).where(eq(escalations.id, id));
    expect(row).toMatchObject({ status: "failed" });
    expect(row!.lastError).toMatch(/HTTP 500/);

    zendesk.faults.reset();
    expect(await retryDelivery(handle.db, { accountId: actor.accountId, id })).toBe("delivered");
  }, 180_000);

  it("a 429 storm uses no attempts, and Retry-After is honoured", async () => {
    const actor = await zendeskShop(handle, zendesk, "storm");
    const id = await escalate(handle, actor.accountId, 1);
    fakeClock();
    zendesk.faults.failRandomly(1, () => ({ status: 429, retryAfterSeconds: 120 }));
    const outcomes = await runFor([id], 30 * 60_000);
    expect(new Set(outcomes)).toEqual(new Set(["deferred"]));
    // Every 2 minutes as asked, never sooner: 30 minutes hold at most 15 tries (plus the first).
    expect(outcomes.length).toBeLessThanOrEqual(16);
    expect(outcomes.length).toBeGreaterThanOrEqual(10);
    const [row] = await handle.db.select().from(escalations).where(eq(escalations.id, id));
    expect(row).toMatchObject({ status: "queued", attempts: 0 });
    zendesk.faults.reset();
    await runFor([id], 3 * 60_000);
    expect(await statusCounts(handle, actor.accountId)).toEqual({ delivered: 1 });
  }, 120_000);

  it("a request the helpdesk refuses as invalid fails at once, without a retry", async () => {
    const actor = await zendeskShop(handle, zendesk, "refused");
    const id = await escalate(handle, actor.accountId, 1);
    zendesk.faults.failNext({ status: 403, account: "refused" });
    expect(await attemptDue([id])).toEqual(["failed"]);
    expect(await statusCounts(handle, actor.accountId)).toEqual({ failed: 1 });
  });

  it("Retry now on a delivery a worker is attempting starts no second attempt", async () => {
    const actor = await zendeskShop(handle, zendesk, "busy");
    const id = await escalate(handle, actor.accountId, 1);
    zendesk.faults.setLatency(500);
    const policy = escalationPolicy();
    const [job] = await claimDueEscalations(handle.db, { limit: 1, leaseMs: policy.leaseMs, ids: [id] });
    const first = processEscalation(handle.db, job!, { policy });
    expect(await retryDelivery(handle.db, { accountId: actor.accountId, id })).toBe("in_progress");
    expect(await first).toBe("delivered");
    expect(zendesk.tickets("busy")).toHaveLength(1);
    expect(zendesk.requests.filter((r) => r.account === "busy" && r.method === "POST")).toHaveLength(1);
  });
});
