import { forwardingBenchSetup } from "./bench-forwarding-setup";

/**
 * The chaos run at scale (npm test keeps a 1,000-escalation version): `total` escalations through
 * 30% faults (500/503, 429 with Retry-After, answers after the timeout) and three worker kills,
 * on a fresh PostgreSQL database. Prints lost, duplicated and failed, which must all be 0.
 */
export async function benchChaos(options: { serverUrl: string; total: number }) {
  const { zendesk, drop } = await forwardingBenchSetup({
    serverUrl: options.serverUrl,
    prefix: "baton_chaos",
    env: { ZENDESK_REQUESTS_PER_MINUTE: "1000000", HELPDESK_TIMEOUT_MS: "1000" },
  });
  const { openConfiguredDatabase } = await import("@/db/client");
  const handle = await openConfiguredDatabase();
  try {
    const { runChaos } = await import("@/db/testing/forwarding");
    const policy = { maxAttempts: Number.POSITIVE_INFINITY, retryForMs: 3_600_000, baseDelayMs: 20, maxDelayMs: 500, leaseMs: 3000 };
    const run = await runChaos(handle, zendesk, { subdomain: "chaos", total: options.total, kills: 3, policy, slowMs: 1200 });
    const lost = options.total - run.perConversation.length;
    const duplicated = run.perConversation.filter((n) => n > 1).length;
    const count = (code: number) => run.seen.filter((r) => r.status === code).length;
    return [
      `chaos bench: ${options.total} escalations, 30% faults, three worker kills, PostgreSQL: ${run.seconds.toFixed(0)} s, ${run.seen.length} requests (429: ${count(429)}, 5xx: ${count(500) + count(503)})`,
      `lost ${lost}, duplicated ${duplicated}, failed ${run.statuses.failed ?? 0}, delivered ${run.statuses.delivered ?? 0}`,
    ];
  } finally {
    await handle.close();
    await drop();
  }
}
