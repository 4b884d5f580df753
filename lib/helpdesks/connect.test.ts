import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appFailure } from "@/db/testing/failures";
import { findHelpdeskConnection, listHelpdeskConnections } from "@/db/queries/helpdesk-connections";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { startGorgiasSimulator, type GorgiasSimulator } from "@/e2e/simulators/gorgias";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { approveZendeskConsent } from "@/e2e/simulators/zendesk-consent";
import { resetEnvForTests } from "@/lib/env";
import { connectGorgias } from "@/lib/helpdesks/gorgias/connect";
import { connectZendeskWithToken, finishZendeskOAuth, startZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { disconnectHelpdesk } from "@/lib/services/disconnect-destination";
import { getHandoffState, saveHandoffSettings } from "@/lib/services/handoff-settings";
import { zendeskConnectionFor } from "@/lib/helpdesks/zendesk/credentials";
import { sendTestTicket } from "@/lib/services/test-ticket";

let handle: DatabaseHandle;
let zendesk: ZendeskSimulator;
let gorgias: GorgiasSimulator;
const saved = { ...process.env };
const client = { clientId: "zdg-baton-test", clientSecret: "test-client-secret" };

beforeAll(async () => {
  handle = await openTestDatabase();
  zendesk = await startZendeskSimulator({ oauthClient: { ...client, redirectUris: [/\/api\/integrations\/zendesk\/callback$/] } });
  gorgias = await startGorgiasSimulator();
  zendesk.addAccount({
    subdomain: "acme",
    agents: [
      { email: "ada@acme.test", name: "Ada", role: "admin", apiToken: "zendesk-old-token" },
      { email: "eve@acme.test", name: "Eve", role: "end-user", apiToken: "end-user-token" },
    ],
  });
  gorgias.addAccount({ domain: "acme", users: [{ email: "ada@acme.test", name: "Ada", role: "agent", apiKey: "gorgias-secret-key" }] });
  Object.assign(process.env, {
    BATON_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    ZENDESK_URL_TEMPLATE: zendesk.urlTemplate,
    GORGIAS_URL_TEMPLATE: gorgias.urlTemplate,
    ZENDESK_OAUTH_CLIENT_ID: client.clientId,
    ZENDESK_OAUTH_CLIENT_SECRET: client.clientSecret,
    NEXTAUTH_URL: "http://localhost:3999",
  });
  resetEnvForTests();
});
afterAll(async () => {
  process.env = { ...saved };
  resetEnvForTests();
  await Promise.all([handle.close(), zendesk.close(), gorgias.close()]);
});

async function actor() {
  const { account, members } = await createAccountWithMembers(handle);
  return { accountId: account.id, userId: members[0]!.id, email: members[0]!.email };
}

async function consent(authorizeUrl: string) {
  const callback = await approveZendeskConsent(authorizeUrl);
  return { state: callback.searchParams.get("state")!, code: callback.searchParams.get("code")! };
}

describe("Gorgias onboarding", () => {
  it("stores verified credentials as ciphertext only", async () => {
    const a = await actor();
    const result = await connectGorgias(handle.db, a, { domain: "acme", email: "ada@acme.test", apiKey: "gorgias-secret-key" });
    expect(result).toEqual({ site: "acme", agentEmail: "ada@acme.test" });
    const raw = await handle.db.execute(sql`select * from helpdesk_connections where account_id = ${a.accountId}`);
    const text = JSON.stringify(raw);
    expect(text).not.toContain("gorgias-secret-key");
    expect(text).toMatch(/"credentials_ciphertext":"v1\./);
    expect(await listHelpdeskConnections(handle.db, a.accountId)).toEqual([
      expect.objectContaining({ provider: "gorgias", site: "acme", agentEmail: "ada@acme.test", authType: "api_key" }),
    ]);
  });

  it("names each failure and stores nothing", async () => {
    const a = await actor();
    const attempt = (input: { domain: string; apiKey: string }) => appFailure(connectGorgias(handle.db, a, { email: "ada@acme.test", ...input }));
    expect(await attempt({ domain: "acme", apiKey: "wrong" })).toEqual({ code: "helpdesk_failed", message: "invalid_credentials" });
    expect(await attempt({ domain: "nowhere", apiKey: "gorgias-secret-key" })).toEqual({ code: "helpdesk_failed", message: "not_found_account" });
    gorgias.faults.failNext({ status: 429, retryAfterSeconds: 7 });
    expect(await attempt({ domain: "acme", apiKey: "gorgias-secret-key" })).toEqual({ code: "helpdesk_failed", message: "rate_limited" });
    expect(await listHelpdeskConnections(handle.db, a.accountId)).toEqual([]);
  });
});

describe("Zendesk API-token onboarding", () => {
  it("accepts an agent's existing token, sealed, and names each failure", async () => {
    const a = await actor();
    const attempt = (input: { subdomain: string; email: string; token: string }) => appFailure(connectZendeskWithToken(handle.db, a, input));
    expect(await attempt({ subdomain: "acme", email: "ada@acme.test", token: "wrong" })).toEqual({ code: "helpdesk_failed", message: "invalid_credentials" });
    expect(await attempt({ subdomain: "acme", email: "eve@acme.test", token: "end-user-token" })).toEqual({
      code: "helpdesk_failed",
      message: "insufficient_role",
    });
    expect(await attempt({ subdomain: "nowhere", email: "ada@acme.test", token: "zendesk-old-token" })).toEqual({
      code: "helpdesk_failed",
      message: "not_found_account",
    });
    process.env.HELPDESK_TIMEOUT_MS = "300";
    resetEnvForTests();
    zendesk.faults.setLatency(1000);
    try {
      expect(await attempt({ subdomain: "acme", email: "ada@acme.test", token: "zendesk-old-token" })).toEqual({ code: "helpdesk_failed", message: "timeout" });
    } finally {
      zendesk.faults.setLatency(0);
      delete process.env.HELPDESK_TIMEOUT_MS;
      resetEnvForTests();
    }
    expect(await listHelpdeskConnections(handle.db, a.accountId)).toEqual([]);

    await connectZendeskWithToken(handle.db, a, { subdomain: "acme", email: "ada@acme.test", token: "zendesk-old-token" });
    const raw = JSON.stringify(await handle.db.execute(sql`select * from helpdesk_connections where account_id = ${a.accountId}`));
    expect(raw).not.toContain("zendesk-old-token");
    const connection = await zendeskConnectionFor(handle.db, a.accountId);
    expect(connection.credentials).toEqual({ kind: "api_token", email: "ada@acme.test", token: "zendesk-old-token" });
  });
});

describe("Zendesk OAuth onboarding", () => {
  it("connects through consent, and a state works once and only for whoever started it", async () => {
    const a = await actor();
    const intruder = await actor();
    const url = await startZendeskOAuth(handle.db, a, { subdomain: "acme", returnTo: "/customer-agent/settings/handoff" });
    expect(url).toContain("code_challenge_method=S256");
    const { state, code } = await consent(url);

    expect(await appFailure(finishZendeskOAuth(handle.db, intruder, { state, code }))).toEqual({ code: "validation_failed", message: "oauth_state_invalid" });
    expect(await finishZendeskOAuth(handle.db, a, { state, code })).toEqual({ ok: true, returnTo: "/customer-agent/settings/handoff" });
    expect(await appFailure(finishZendeskOAuth(handle.db, a, { state, code }))).toEqual({ code: "validation_failed", message: "oauth_state_invalid" });

    const row = await findHelpdeskConnection(handle.db, { accountId: a.accountId, provider: "zendesk" });
    expect(row).toMatchObject({ authType: "oauth", site: "acme", agentEmail: "ada@acme.test" });
    expect(row!.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await listHelpdeskConnections(handle.db, intruder.accountId)).toEqual([]);
  });

  it("reports a denied consent without connecting", async () => {
    const a = await actor();
    const url = await startZendeskOAuth(handle.db, a, { subdomain: "acme" });
    const state = new URL(url).searchParams.get("state")!;
    expect(await finishZendeskOAuth(handle.db, a, { state, error: "access_denied" })).toEqual({
      ok: false,
      returnTo: "/customer-agent/overview",
      reason: "oauth_denied",
    });
    expect(await listHelpdeskConnections(handle.db, a.accountId)).toEqual([]);
  });

  it("never returns the admin to another site (returnTo with a tab, a backslash or //)", async () => {
    const a = await actor();
    for (const returnTo of ["/\t/evil.example/phish", "/\n/evil.example", "/\\evil.example", "//evil.example"]) {
      const url = await startZendeskOAuth(handle.db, a, { subdomain: "acme", returnTo });
      const state = new URL(url).searchParams.get("state")!;
      expect(await finishZendeskOAuth(handle.db, a, { state, error: "access_denied" })).toEqual({
        ok: false,
        returnTo: "/customer-agent/overview",
        reason: "oauth_denied",
      });
    }
  });

  it("refreshes a token about to expire, once, and keeps using a fresh one as is", async () => {
    const a = await actor();
    const url = await startZendeskOAuth(handle.db, a, { subdomain: "acme" });
    await finishZendeskOAuth(handle.db, a, await consent(url));
    const fresh = await zendeskConnectionFor(handle.db, a.accountId);
    const again = await zendeskConnectionFor(handle.db, a.accountId);
    expect(again.credentials).toEqual(fresh.credentials);

    // Four minutes before expiry is inside the five-minute margin.
    const expiresAt = (await findHelpdeskConnection(handle.db, { accountId: a.accountId, provider: "zendesk" }))!.accessTokenExpiresAt!;
    const soon = new Date(expiresAt.getTime() - 4 * 60_000);
    const refreshed = await zendeskConnectionFor(handle.db, a.accountId, soon);
    expect(refreshed.credentials).not.toEqual(fresh.credentials);
    const row = await findHelpdeskConnection(handle.db, { accountId: a.accountId, provider: "zendesk" });
    expect(row!.accessTokenExpiresAt!.getTime()).toBeGreaterThan(expiresAt.getTime());
    // The refreshed token works; the replaced one no longer does.
    const ticket = await sendTestTicket(handle.db, { accountId: a.accountId, email: a.email, name: "Ada" }, "zendesk", { subject: "Test", body: "Body" });
    expect(ticket.id).toBeGreaterThan(0);
    const oldToken = (fresh.credentials as { accessToken: string }).accessToken;
    const probe = await fetch(`${zendesk.baseUrl("acme")}/api/v2/tickets.json`, { headers: { Authorization: `Bearer ${oldToken}` } });
    expect(probe.status).toBe(401);
  });
});

describe("test tickets and disconnecting", () => {
  it("creates a tagged test ticket in Gorgias without sending anything", async () => {
    const a = await actor();
    await connectGorgias(handle.db, a, { domain: "acme", email: "ada@acme.test", apiKey: "gorgias-secret-key" });
    const ticket = await sendTestTicket(handle.db, { accountId: a.accountId, email: a.email, name: "Ada" }, "gorgias", {
      subject: "Baton test ticket",
      body: "Hello",
    });
    const stored = gorgias.tickets("acme").find((t) => t.id === ticket.id);
    expect(stored).toBeDefined();
    expect(JSON.stringify(stored)).toContain("baton_test");
    expect(gorgias.outbox("acme")).toEqual([]);
  });

  it("falls back to Baton Inbox when the destination is disconnected; another account cannot disconnect it", async () => {
    const a = await actor();
    const other = await actor();
    await connectGorgias(handle.db, a, { domain: "acme", email: "ada@acme.test", apiKey: "gorgias-secret-key" });
    await saveHandoffSettings(handle.db, { accountId: a.accountId, userId: a.userId, input: { method: "helpdesk", destination: "gorgias", version: 0 } });

    expect(await appFailure(disconnectHelpdesk(handle.db, other, "gorgias"))).toEqual({ code: "not_found", message: "not_connected" });
    expect((await getHandoffState(handle.db, a.accountId)).connected.gorgias).toBe(true);

    expect(await disconnectHelpdesk(handle.db, a, "gorgias")).toEqual({ fellBack: true });
    const state = await getHandoffState(handle.db, a.accountId);
    expect(state.settings).toMatchObject({ method: "helpdesk", destination: "baton_inbox" });
    expect(state.connected.gorgias).toBe(false);
  });
});
