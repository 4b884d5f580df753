import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, ne } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema/webhooks";
import { startFaultyReceiverThread } from "@/db/testing/webhook-receiver";
import { benchSecrets, openBenchDatabase, startBenchServer } from "./bench-server";
import { load, percentile, summary } from "./load";

/**
 * Webhooks on a production server and a fresh PostgreSQL database: POST /escalations throughput
 * without and with an enabled endpoint (the event is written in the handoff's transaction), then
 * the time from the event's commit to the receiver, under that load and one handoff at a time.
 * The receiver runs on its own thread, answering 204. Returns the lines to print.
 */
export async function benchWebhooks(options: { serverUrl: string; total: number; concurrency: number; port: number }) {
  const name = `hooks_bench_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const receiver = await startFaultyReceiverThread({ seed: 1, faultRate: 0 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
  const env = {
    ...process.env,
    DATABASE_URL: `${options.serverUrl}/${name}`,
    BATON_DATA_DIR: dataDir,
    ...benchSecrets(options.port),
    ALLOW_PRIVATE_WEBHOOKS: "true",
    WIDGET_RATE_LIMIT_PER_KEY: "1000000",
    WIDGET_RATE_LIMIT_PER_IP: "1000000",
  };
  const handle = await openBenchDatabase(env);
  const lines: string[] = [];
  let stopServer = () => {};
  try {
    const { createAccountWithMembers } = await import("@/db/testing/test-database");
    const { rotateKey } = await import("@/lib/services/widget-keys");
    const { createWebhookEndpoint } = await import("@/lib/services/webhooks");
    const { account } = await createAccountWithMembers(handle);
    const sk = await rotateKey(handle.db, { accountId: account.id, kind: "secret" });

    const server = await startBenchServer(options.port, env);
    stopServer = server.stop;
    const base = server.base;
    const escalate = (i: number, prefix: string) =>
      fetch(`${base}/api/widget/v1/escalations`, {
        method: "POST",
        headers: { Authorization: `Bearer ${sk}`, "Content-Type": "application/json", "Idempotency-Key": `${prefix}-${i}` },
        body: JSON.stringify({
          channel: "web_chat",
          consent: true,
          shopper: { email: `shopper${i}@example.com` },
          transcript: [{ role: "shopper", text: `Question ${i}: where is my order?`, at: new Date().toISOString() }],
        }),
      });
    await load(100, options.concurrency, (i) => escalate(i, "warm"));

    const without = await load(options.total, options.concurrency, (i) => escalate(i, "plain"));
    await createWebhookEndpoint(handle.db, { accountId: account.id, input: { url: receiver.url, events: ["handoff.created"] } });
    const withEndpoint = await load(options.total, options.concurrency, (i) => escalate(i, "hooked"));
    lines.push(`webhooks bench: PostgreSQL, ${options.total} POST /escalations each at concurrency ${options.concurrency}, Baton Inbox handoffs`);
    lines.push(summary("without an endpoint", without));
    lines.push(summary("with an endpoint", withEndpoint));

    const undelivered = () =>
      handle.db
        .select({ n: count() })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.accountId, account.id), ne(webhookDeliveries.status, "delivered")))
        .then((r) => r[0]?.n ?? 0);
    const deadline = Date.now() + 180_000;
    while ((await undelivered()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const underLoad = delays(receiver.received);
    lines.push(`commit → receiver under that load: p50 ${p(underLoad, 50)} ms, p95 ${p(underLoad, 95)} ms (${underLoad.length} events)`);

    // One handoff at a time: the latency a merchant sees on a quiet shop.
    const before = receiver.received.length;
    for (let i = 0; i < 50; i++) {
      await escalate(i, "quiet").then((r) => r.arrayBuffer());
      const wait = Date.now() + 10_000;
      while (receiver.received.length < before + i + 1 && Date.now() < wait) await new Promise((r) => setTimeout(r, 5));
    }
    const quiet = delays(receiver.received.slice(before));
    lines.push(`commit → receiver, one at a time: p50 ${p(quiet, 50)} ms, p95 ${p(quiet, 95)} ms (${quiet.length} events; target p95 ≤ 500 ms)`);
  } finally {
    stopServer();
    await handle.close();
    await receiver.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}

/** The event's timestamp (written in the handoff's transaction) to the receiver's arrival. */
const delays = (received: Array<{ body: string; at: number }>) =>
  received.map((r) => r.at - Date.parse((JSON.parse(r.body) as { timestamp: string }).timestamp));
const p = (values: number[], n: number) => percentile(values, n).toFixed(0);
