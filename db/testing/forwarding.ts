import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { escalations } from "@/db/schema/escalations";
import { createAccountWithMembers } from "@/db/testing/test-database";
import type { GorgiasSimulator } from "@/e2e/simulators/gorgias";
import type { ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { connectZendeskWithToken } from "@/lib/helpdesks/zendesk/connect";
import { shopperTexts } from "@/lib/i18n/shopper-texts";
import type { OutboxPolicy } from "@/lib/outbox/policy";
import { startOutbox } from "@/lib/outbox/queues";
import { createEscalation } from "@/lib/services/escalations";
import { saveHandoffSettings } from "@/lib/services/handoff-settings";

// Fixtures of the forwarding tests: an account handing off to its own simulated Zendesk account,
// and escalations written the way POST /escalations writes them.

/** An account sending handoffs to its own simulated Zendesk account, connected by API token. */
export async function zendeskShop(handle: DatabaseHandle, zendesk: ZendeskSimulator, subdomain: string) {
  const { account, members } = await createAccountWithMembers(handle);
  zendesk.addAccount({ subdomain, agents: [{ email: `agent@${subdomain}.test`, name: "Agent", role: "agent", apiToken: "tok" }] });
  const actor = { accountId: account.id, userId: members[0]!.id };
  await connectZendeskWithToken(handle.db, actor, { subdomain, email: `agent@${subdomain}.test`, token: "tok" });
  await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "zendesk", version: 0 } });
  return actor;
}

/** An account sending handoffs to its own simulated Gorgias account, connected by API key. */
export async function gorgiasShop(handle: DatabaseHandle, gorgias: GorgiasSimulator, domain: string) {
  const { account, members } = await createAccountWithMembers(handle);
  gorgias.addAccount({ domain, users: [{ email: `agent@${domain}.test`, name: "Agent", role: "agent", apiKey: "key" }] });
  const actor = { accountId: account.id, userId: members[0]!.id };
  await connectGorgias(handle.db, actor, { domain, email: `agent@${domain}.test`, apiKey: "key" });
  await saveHandoffSettings(handle.db, { ...actor, input: { method: "helpdesk", destination: "gorgias", version: 0 } });
  return actor;
}

/** One web-chat escalation of shopper `n`; returns its id. */
export async function escalate(handle: DatabaseHandle, accountId: string, n: number) {
  const result = await createEscalation(handle.db, {
    accountId,
    idempotencyKey: `chaos-${n}-${randomBytes(4).toString("hex")}`,
    texts: shopperTexts("en"),
    input: {
      channel: "web_chat",
      consent: true,
      shopper: { email: `shopper${n}@example.com`, profileId: `01GDDKASAP8TKDDA2GRZDS${String(n).padStart(4, "0")}` },
      transcript: [{ role: "shopper", text: `Question number ${n}?`, at: new Date(Date.UTC(2026, 10, 24, 10, 0, n % 60)).toISOString() }],
    },
  });
  return result.body.escalationId!;
}

/** How many of the account's escalations are in each status. */
export async function statusCounts(handle: DatabaseHandle, accountId: string): Promise<Record<string, number>> {
  const rows = await handle.db
    .select({ status: escalations.status, n: count() })
    .from(escalations)
    .where(eq(escalations.accountId, accountId))
    .groupBy(escalations.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Tickets per external id in the simulator: each conversation must appear exactly once. */
export function ticketsPerConversation(tickets: Array<{ external_id: unknown }>) {
  const per = new Map<string, number>();
  for (const t of tickets) per.set(String(t.external_id), (per.get(String(t.external_id)) ?? 0) + 1);
  return [...per.values()];
}

/**
 * The chaos run: `total` escalations to one simulated Zendesk account while 30% of requests fail
 * (10% 500/503, 10% 429 with Retry-After, 10% answered after the client's timeout, the ticket
 * created all the same), and the worker is killed (abandoning its calls in flight) `kills` times
 * along the way. Resolves with what the simulator saw; the caller asserts.
 */
export async function runChaos(
  handle: DatabaseHandle,
  zendesk: ZendeskSimulator,
  options: { subdomain: string; total: number; kills: number; policy: OutboxPolicy; slowMs: number },
) {
  const actor = await zendeskShop(handle, zendesk, options.subdomain);
  zendesk.setRateLimit(options.subdomain, 1_000_000);
  for (let n = 0; n < options.total; n++) await escalate(handle, actor.accountId, n);
  let rolls = 0;
  zendesk.faults.failRandomly(0.3, () => {
    const kind = rolls++ % 3;
    if (kind === 0) return { status: 429, retryAfterSeconds: 1 };
    if (kind === 1) return { status: rolls % 2 ? 500 : 503, retryAfterSeconds: 1 };
    return { status: "slow", slowMs: options.slowMs };
  });
  const delivered = async () => (await statusCounts(handle, actor.accountId)).delivered ?? 0;
  const started = Date.now();
  for (let k = 0; k <= options.kills; k++) {
    const target = Math.round((options.total * (k + 1)) / (options.kills + 1));
    const worker = await startOutbox(handle.db, { kinds: ["escalation"], accountIds: [actor.accountId], concurrency: 8, pollMs: 50, policy: options.policy });
    while ((await delivered()) < target) await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop({ abandon: k < options.kills });
  }
  zendesk.faults.reset();
  // Calls abandoned by a kill may still be answered late: let them land before counting.
  await new Promise((resolve) => setTimeout(resolve, options.slowMs + 100));
  const seen = zendesk.requests.filter((r) => r.account === options.subdomain);
  return {
    actor,
    seconds: (Date.now() - started) / 1000,
    seen,
    statuses: await statusCounts(handle, actor.accountId),
    perConversation: ticketsPerConversation(zendesk.tickets(options.subdomain)),
  };
}
