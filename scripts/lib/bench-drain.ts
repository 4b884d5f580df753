import { count, eq } from "drizzle-orm";
import { escalations } from "@/db/schema/escalations";
import { forwardingBenchSetup } from "./bench-forwarding-setup";

/**
 * Drain time of a burst of escalations against a Zendesk plan of `perMinute` requests (the
 * simulator refuses above it with 429), two outbox workers on their own connection pools sharing
 * the budget through PostgreSQL. Prints the ratio to the floor (burst ÷ plan) and the 429s
 * received. Runs in real time: 2,000 at 200/min take at least 10 minutes.
 */
export async function benchDrain(options: { serverUrl: string; burst: number; perMinute: number }) {
  const { zendesk, databaseUrl, drop } = await forwardingBenchSetup({
    serverUrl: options.serverUrl,
    prefix: "baton_drain",
    env: { ZENDESK_REQUESTS_PER_MINUTE: String(options.perMinute) },
  });
  const { openConfiguredDatabase, openPostgres } = await import("@/db/client");
  const handle = await openConfiguredDatabase();
  const second = await openPostgres(databaseUrl, { max: 4 });
  const lines: string[] = [];
  try {
    const { escalate, zendeskShop } = await import("@/db/testing/forwarding");
    const { startOutbox } = await import("@/lib/outbox/queues");
    const actor = await zendeskShop(handle, zendesk, "drain");
    zendesk.setRateLimit("drain", options.perMinute);
    for (let n = 0; n < options.burst; n++) await escalate(handle, actor.accountId, n);
    zendesk.clearRequests();
    const started = Date.now();
    const workers = await Promise.all([handle, second].map((h) => startOutbox(h.db, { kinds: ["escalation"], pollMs: 250 })));
    const delivered = async () => (await handle.db.select({ n: count() }).from(escalations).where(eq(escalations.status, "delivered")))[0]?.n ?? 0;
    while ((await delivered()) < options.burst) await new Promise((r) => setTimeout(r, 1000));
    const seconds = (Date.now() - started) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    const sent = zendesk.requests.filter((r) => r.account === "drain");
    const refused = sent.filter((r) => r.status === 429).length;
    const floor = (options.burst / options.perMinute) * 60;
    lines.push(`drain bench: ${options.burst} escalations, Zendesk plan ${options.perMinute}/min (Baton told the same), two workers, PostgreSQL`);
    lines.push(`drain time ${(seconds / 60).toFixed(2)} min; floor ${(floor / 60).toFixed(2)} min; ratio ${(seconds / floor).toFixed(2)}x`);
    lines.push(
      `requests ${sent.length}; 429s ${refused} (${((refused / Math.max(1, sent.length)) * 100).toFixed(2)}%); tickets ${zendesk.tickets("drain").length}`,
    );
  } finally {
    await Promise.all([handle.close(), second.close()]);
    await drop();
  }
  return lines;
}
