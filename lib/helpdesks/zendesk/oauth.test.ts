import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZendeskSimulator, type ZendeskSimulator } from "@/e2e/simulators/zendesk";
import { approveZendeskConsent } from "@/e2e/simulators/zendesk-consent";
import { helpdeskFailure } from "@/db/testing/failures";
import { createZendeskTicket, verifyZendeskCredentials } from "@/lib/helpdesks/zendesk/api";
import { createPkcePair, exchangeZendeskCode, refreshZendeskToken, zendeskAuthorizeUrl, type ZendeskTokens } from "@/lib/helpdesks/zendesk/oauth";

const client = { clientId: "zdg-baton", clientSecret: "baton-client-secret" };
const redirectUri = "http://localhost:3000/api/integrations/zendesk/callback";
const scope = "read tickets:write";

let sim: ZendeskSimulator;
let time = Date.parse("2026-11-20T10:00:00Z");

beforeAll(async () => {
  sim = await startZendeskSimulator({ now: () => time, oauthClient: { ...client, redirectUris: [redirectUri] } });
  sim.addAccount({ subdomain: "acme", agents: [{ email: "ada@acme.test", name: "Ada Admin", role: "admin" }] });
});
afterAll(() => sim.close());

const baseUrl = () => sim.baseUrl("acme");
const oauthParams = () => ({ baseUrl: baseUrl(), ...client, now: new Date(time) });
const asBearer = (accessToken: string) => ({ baseUrl: baseUrl(), credentials: { kind: "oauth" as const, accessToken } });

/** The merchant's part: open the authorize page, press Allow, land on Baton's callback. */
async function consent(): Promise<{ code: string; verifier: string }> {
  const pkce = createPkcePair();
  const state = randomUUID();
  const authorizeUrl = zendeskAuthorizeUrl({
    baseUrl: baseUrl(),
    clientId: client.clientId,
    redirectUri,
    state,
    codeChallenge: pkce.challenge,
    scope,
  });
  // Throws unless the page has the consent form and Allow answers 302.
  const callback = await approveZendeskConsent(authorizeUrl);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get("state")).toBe(state);
  return { code: callback.searchParams.get("code")!, verifier: pkce.verifier };
}

async function connect(): Promise<ZendeskTokens> {
  const { code, verifier } = await consent();
  return exchangeZendeskCode({ ...oauthParams(), code, redirectUri, codeVerifier: verifier });
}

describe("Zendesk OAuth", () => {
  it("makes an S256 PKCE pair and an authorize URL carrying it", () => {
    const pkce = createPkcePair();
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.challenge).toBe(createHash("sha256").update(pkce.verifier).digest("base64url"));
    const url = new URL(
      zendeskAuthorizeUrl({ baseUrl: "https://acme.zendesk.com/", clientId: "c", redirectUri, state: "s", codeChallenge: pkce.challenge, scope }),
    );
    expect(url.origin + url.pathname).toBe("https://acme.zendesk.com/oauth/authorizations/new");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "c",
      redirect_uri: redirectUri,
      scope,
      state: "s",
      code_challenge: pkce.challenge,
      code_challenge_method: "S256",
    });
  });

  it("runs the whole flow: consent, code exchange with the verifier, then API calls", async () => {
    const tokens = await connect();
    expect(tokens.scope).toBe(scope);
    expect(tokens.expiresAt.getTime()).toBe(time + 1800 * 1000);
    expect(tokens.refreshExpiresAt?.getTime()).toBe(time + 30 * 86_400 * 1000);
    await expect(verifyZendeskCredentials(asBearer(tokens.accessToken))).resolves.toMatchObject({
      email: "ada@acme.test",
      role: "admin",
    });
    const ticket = await createZendeskTicket(asBearer(tokens.accessToken), {
      requester: { name: "Sarah Mason", email: "sarah@example.com" },
      subject: "Where is my order?",
      comment: { body: "Escalated from chat.", public: true },
    });
    expect(ticket.id).toBeGreaterThan(0);
    expect(sim.requests.at(-1)?.headers.authorization).toBe(`Bearer ${tokens.accessToken}`);
  });

  it("refuses a code exchanged with the wrong verifier", async () => {
    const { code } = await consent();
    const error = await helpdeskFailure(exchangeZendeskCode({ ...oauthParams(), code, redirectUri, codeVerifier: createPkcePair().verifier }));
    expect(error).toMatchObject({ kind: "invalid_credentials", code: "invalid_grant", status: 400 });
  });

  it("refuses a code used twice", async () => {
    const { code, verifier } = await consent();
    await exchangeZendeskCode({ ...oauthParams(), code, redirectUri, codeVerifier: verifier });
    const error = await helpdeskFailure(exchangeZendeskCode({ ...oauthParams(), code, redirectUri, codeVerifier: verifier }));
    expect(error).toMatchObject({ kind: "invalid_credentials", code: "invalid_grant" });
  });

  it("refuses a code older than 120 seconds", async () => {
    const { code, verifier } = await consent();
    time += 121_000;
    const error = await helpdeskFailure(exchangeZendeskCode({ ...oauthParams(), code, redirectUri, codeVerifier: verifier }));
    expect(error).toMatchObject({ kind: "invalid_credentials", code: "invalid_grant" });
  });

  it("refuses a wrong client secret", async () => {
    const { code, verifier } = await consent();
    const error = await helpdeskFailure(exchangeZendeskCode({ ...oauthParams(), clientSecret: "not-the-secret", code, redirectUri, codeVerifier: verifier }));
    expect(error).toMatchObject({ kind: "invalid_credentials", status: 401 });
    expect(error.message).not.toContain("not-the-secret");
  });

  it("rotates tokens on refresh: the old pair stops working", async () => {
    const first = await connect();
    const second = await refreshZendeskToken({ ...oauthParams(), refreshToken: first.refreshToken });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reused = await helpdeskFailure(refreshZendeskToken({ ...oauthParams(), refreshToken: first.refreshToken }));
    expect(reused).toMatchObject({ kind: "invalid_credentials", code: "invalid_grant" });
    expect(await helpdeskFailure(verifyZendeskCredentials(asBearer(first.accessToken)))).toMatchObject({
      kind: "invalid_credentials",
      status: 401,
    });
    await expect(verifyZendeskCredentials(asBearer(second.accessToken))).resolves.toMatchObject({ role: "admin" });
  });

  it("refuses an expired access token until it is refreshed", async () => {
    const tokens = await connect();
    time += 1801 * 1000;
    const error = await helpdeskFailure(verifyZendeskCredentials(asBearer(tokens.accessToken)));
    expect(error).toMatchObject({ kind: "invalid_credentials", status: 401 });
    expect(error.message).not.toContain(tokens.accessToken);
    const refreshed = await refreshZendeskToken({ ...oauthParams(), refreshToken: tokens.refreshToken });
    await expect(verifyZendeskCredentials(asBearer(refreshed.accessToken))).resolves.toMatchObject({ role: "admin" });
  });

  it("keeps an unregistered redirect URI or client on the authorize page", async () => {
    const params = { baseUrl: baseUrl(), state: "s", codeChallenge: createPkcePair().challenge, scope };
    for (const url of [
      zendeskAuthorizeUrl({ ...params, clientId: client.clientId, redirectUri: "http://evil.test/callback" }),
      zendeskAuthorizeUrl({ ...params, clientId: "unknown-client", redirectUri }),
    ]) {
      const response = await fetch(url, { redirect: "manual" });
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
    }
  });
});
