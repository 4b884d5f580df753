import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { gorgiasShop, zendeskShop } from "@/db/testing/forwarding";
import { openTestDatabase } from "@/db/testing/test-database";
import { startGorgiasSimulator, type GorgiasSimulator } from "@/e2e/simulators/gorgias";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { resetEnvForTests } from "@/lib/env";
import type { TicketRequest } from "@/lib/helpdesks/adapter";
import { destinationAdapter } from "@/lib/helpdesks/registry";
import { isHelpdeskError } from "@/lib/helpdesks/request";

// A killed outbox worker aborts its attempts' signal: a ticket request to Zendesk or Gorgias is cut
// at once (its outcome unknown, as when the process dies), not left to finish in the background.

let handle: DatabaseHandle;
let zendesk: ZendeskSimulator;
let gorgias: GorgiasSimulator;
const saved = { ...process.env };

beforeAll(async () => {
  handle = await openTestDatabase();
  [zendesk, gorgias] = await Promise.all([startZendeskSimulator(), startGorgiasSimulator()]);
  Object.assign(process.env, {
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    GORGIAS_URL_TEMPLATE: gorgias.urlTemplate,
  });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), zendesk.close(), gorgias.close()]);
});

const request = (accountId: string): TicketRequest => ({
  accountId,
  idempotencyKey: randomBytes(8).toString("hex"),
  externalId: randomBytes(8).toString("hex"),
  requester: { name: "Ana Souza", email: "ana@example.com", phone: null },
  subject: "Where is my parcel?",
  body: "Where is my parcel?",
  tags: ["baton"],
  sentAt: new Date(),
  followUp: "email",
});

describe.each([
  {
    id: "zendesk" as const,
    shop: (site: string) => zendeskShop(handle, zendesk, site),
    slow: (site: string) => zendesk.faults.failNext({ status: "slow", slowMs: 60_000, account: site, path: "/tickets" }),
  },
  {
    id: "gorgias" as const,
    shop: (site: string) => gorgiasShop(handle, gorgias, site),
    slow: (site: string) => gorgias.faults.failNext({ status: "slow", slowMs: 60_000, account: site, path: "/tickets" }),
  },
])("$id", ({ id, shop, slow }) => {
  it("cuts a ticket request in flight when the worker's signal aborts", async () => {
    const site = `abort${randomBytes(3).toString("hex")}`;
    const { accountId } = await shop(site);
    // Answered a minute late, past the 8 s timeout: only the abort can end it sooner.
    slow(site);
    const killed = new AbortController();
    const started = Date.now();
    const attempt = destinationAdapter(id).outbound!.createTicket(handle.db, request(accountId), { mayExist: false, signal: killed.signal });
    setTimeout(() => killed.abort(), 200);
    const error: unknown = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isHelpdeskError(error) && error.kind === "unreachable" && error.description).toBe("the worker was stopped");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("does not start a request when the worker was already killed", async () => {
    const site = `killed${randomBytes(3).toString("hex")}`;
    const { accountId } = await shop(site);
    const killed = new AbortController();
    killed.abort();
    await expect(destinationAdapter(id).outbound!.createTicket(handle.db, request(accountId), { mayExist: true, signal: killed.signal })).rejects.toThrow(
      /the worker was stopped/,
    );
  });
});
