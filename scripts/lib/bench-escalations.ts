import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, ne } from "drizzle-orm";
import { escalations } from "@/db/schema/escalations";
import { startZendeskSimulator } from "../../e2e/simulators/zendesk";
import { benchSecrets, openBenchDatabase, startBenchServer } from "./bench-server";
import { load, percentile, summary } from "./load";

/**
 * POST /escalations against a production server on the local PostgreSQL (a fresh database),
 * beside GET /api/health on the same server, then the time from commit to Zendesk (simulator)
 * receiving the ticket. Returns the lines to print.
 */
export async function benchEscalations(options: { serverUrl: string; total: number; concurrency: number; port: number }) {
  const name = `baton_bench_${Date.now()}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(`${options.serverUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const databaseUrl = `${options.serverUrl}/${name}`;
  const zendesk = await startZendeskSimulator({ port: 0 });
  zendesk.addAccount({
    subdomain: "bench",
    rateLimitPerMinute: 1_000_000,
    agents: [{ email: "agent@bench.test", name: "Agent", role: "agent", apiToken: "tok" }],
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BATON_DATA_DIR: dataDir,
    ...benchSecrets(options.port),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    ZENDESK_REQUESTS_PER_MINUTE: "1000000",
    WIDGET_RATE_LIMIT_PER_KEY: "1000000",
    WIDGET_RATE_LIMIT_PER_IP: "1000000",
  };
  const handle = await openBenchDatabase(env);
  const lines: string[] = [];
  let stopServer = () => {};
  try {
    const { createAccountWithMembers } = await import("@/db/testing/test-database");
    const { connectZendeskWithToken } = await import("@/lib/helpdesks/zendesk/connect");
    const { saveHandoffSettings } = await import("@/lib/services/handoff-settings");
    const { rotateKey } = await import("@/lib/services/widget-keys");
    const { account, members } = await createAccountWithMembers(handle);
    const actor = { accountId: account.id, userId: members[0]!.id };
    await connectZendeskWithToken(handle.db, actor, { subdomain: "bench", email: "agent@bench.test", token: "tok" });
    await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "zendesk", version: 0 } });
    const sk = await rotateKey(handle.db, { accountId: account.id, kind: "secret" });

    const server = await startBenchServer(options.port, env);
    stopServer = server.stop;
    const base = server.base;
    const body = (i: number) =>
      JSON.stringify({
        channel: "web_chat",
        consent: true,
        shopper: { email: `shopper${i}@example.com`, profileId: `01GDDKASAP8TKDDA2GRZ${String(i).padStart(6, "0")}` },
        transcript: [
          { role: "shopper", text: `Question ${i}: can I change my engraving?`, at: new Date().toISOString() },
          { role: "assistant", text: "I'm not sure. Want a human?", at: new Date().toISOString() },
        ],
      });
    const escalate = (i: number, prefix: string) =>
      fetch(`${base}/api/widget/v1/escalations`, {
        method: "POST",
        headers: { Authorization: `Bearer ${sk}`, "Content-Type": "application/json", "Idempotency-Key": `${prefix}-${i}` },
        body: body(i),
      });
    // Warm-up: compile paths, fill connection pools.
    await load(100, options.concurrency, (i) => escalate(i, "warm"));
    await load(200, options.concurrency, () => fetch(`${base}/api/health`));

    const health = await load(options.total, options.concurrency, () => fetch(`${base}/api/health`));
    const posted = await load(options.total, options.concurrency, (i) => escalate(i, "run"));
    lines.push(`escalations bench: PostgreSQL, ${options.total} requests each at concurrency ${options.concurrency}`);
    lines.push(summary("GET /api/health", health));
    lines.push(summary("POST /escalations", posted));
    lines.push(
      `cost ratio (escalation / trivial): throughput ${(health.latencies.length / health.seconds / (posted.latencies.length / posted.seconds)).toFixed(1)}x, p50 ${(percentile(posted.latencies, 50) / percentile(health.latencies, 50)).toFixed(1)}x`,
    );

    // Commit → ticket received: escalation created_at to the simulator's first answered create.
    const deadline = Date.now() + 180_000;
    const pending = async () => (await handle.db.select({ n: count() }).from(escalations).where(ne(escalations.status, "delivered")))[0]?.n ?? 0;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    const received = new Map<string, number>();
    for (const r of zendesk.requests) {
      const external = (r.body as { ticket?: { external_id?: string } } | null)?.ticket?.external_id;
      if (r.method === "POST" && r.status === 201 && external && !received.has(external)) received.set(external, r.at);
    }
    const rows = await handle.db.select({ id: escalations.conversationId, at: escalations.createdAt }).from(escalations);
    const delays = rows.flatMap((r) => (received.has(r.id) ? [received.get(r.id)! - r.at.getTime()] : []));
    lines.push(
      `commit → ticket received: p50 ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms (${delays.length} of ${rows.length} tickets, worker in the server process)`,
    );
  } finally {
    stopServer();
    await handle.close();
    await zendesk.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
