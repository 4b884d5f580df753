import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { upsertHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { insertOAuthState, takeOAuthState } from "@/db/queries/helpdesk-connections/oauth-states";
import { open, seal, sealJson } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verified, type ConnectingActor as Actor } from "@/lib/helpdesks/verified";
import { verifyZendeskCredentials } from "@/lib/helpdesks/zendesk/api";
import { sealZendeskTokens, zendeskBaseUrl, zendeskOAuthClient, type ZendeskSecret } from "@/lib/helpdesks/zendesk/credentials";
import { createPkcePair, exchangeZendeskCode, zendeskAuthorizeUrl } from "@/lib/helpdesks/zendesk/oauth";
import { safeCallbackPath } from "@/lib/validation/callback-path";

// Zendesk's onboarding: OAuth (recommended) or an existing API token, verified before storing.

const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** Enough to create tickets and read who we are; nothing broader. */
export const ZENDESK_OAUTH_SCOPE = "read tickets:write";

export async function connectZendeskWithToken(db: Database, actor: Actor, input: { subdomain: string; email: string; token: string }) {
  const credentials = { kind: "api_token" as const, email: input.email, token: input.token };
  const agent = await verified(() => verifyZendeskCredentials({ baseUrl: zendeskBaseUrl(input.subdomain), credentials, timeoutMs: env().HELPDESK_TIMEOUT_MS }));
  const sealed = sealJson(credentials satisfies ZendeskSecret);
  await upsertHelpdeskConnection(db, {
    accountId: actor.accountId,
    provider: "zendesk",
    authType: "api_token",
    site: input.subdomain,
    agentEmail: agent.email,
    agentName: agent.name,
    credentialsCiphertext: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    accessTokenExpiresAt: null,
    verifiedAt: new Date(),
    connectedBy: actor.userId,
  });
  return { site: input.subdomain, agentEmail: agent.email };
}

export const zendeskRedirectUri = () => `${env().NEXTAUTH_URL ?? "http://localhost:3000"}/api/integrations/zendesk/callback`;

/** Starts Zendesk's OAuth consent on the merchant's subdomain; returns where to send the browser. */
export async function startZendeskOAuth(db: Database, actor: Actor, input: { subdomain: string; returnTo?: string }) {
  const client = zendeskOAuthClient();
  if (!client) throw new AppError("validation_failed", "oauth_not_configured");
  const state = randomBytes(24).toString("base64url");
  const pkce = createPkcePair();
  const verifier = seal(pkce.verifier);
  await insertOAuthState(db, {
    state,
    accountId: actor.accountId,
    userId: actor.userId,
    provider: "zendesk",
    site: input.subdomain,
    verifierCiphertext: verifier.ciphertext,
    verifierKeyId: verifier.keyId,
    returnTo: safeCallbackPath(input.returnTo),
    expiresAt: new Date(Date.now() + OAUTH_STATE_TTL_MS),
  });
  return zendeskAuthorizeUrl({
    baseUrl: zendeskBaseUrl(input.subdomain),
    clientId: client.clientId,
    redirectUri: zendeskRedirectUri(),
    state,
    codeChallenge: pkce.challenge,
    scope: ZENDESK_OAUTH_SCOPE,
  });
}

/**
 * Completes the consent: the state must be this member's, unexpired and unused; the code is
 * exchanged with the PKCE verifier, and the tokens are verified with users/me before storing.
 */
export async function finishZendeskOAuth(db: Database, actor: Actor, input: { state: string; code?: string; error?: string }) {
  const started = await takeOAuthState(db, { state: input.state, ...actor });
  if (!started || started.expiresAt.getTime() < Date.now()) throw new AppError("validation_failed", "oauth_state_invalid");
  const returnTo = started.returnTo;
  if (input.error || !input.code) return { ok: false as const, returnTo, reason: input.error === "access_denied" ? "oauth_denied" : "oauth_failed" };
  const client = zendeskOAuthClient();
  if (!client) throw new AppError("validation_failed", "oauth_not_configured");
  const baseUrl = zendeskBaseUrl(started.site);
  const timeoutMs = env().HELPDESK_TIMEOUT_MS;
  try {
    const tokens = await verified(() =>
      exchangeZendeskCode({
        baseUrl,
        ...client,
        code: input.code!,
        redirectUri: zendeskRedirectUri(),
        codeVerifier: open({ ciphertext: started.verifierCiphertext, keyId: started.verifierKeyId }),
        timeoutMs,
      }),
    );
    const agent = await verified(() => verifyZendeskCredentials({ baseUrl, timeoutMs, credentials: { kind: "oauth", accessToken: tokens.accessToken } }));
    const sealed = sealZendeskTokens(tokens);
    await upsertHelpdeskConnection(db, {
      accountId: actor.accountId,
      provider: "zendesk",
      authType: "oauth",
      site: started.site,
      agentEmail: agent.email,
      agentName: agent.name,
      credentialsCiphertext: sealed.ciphertext,
      credentialsKeyId: sealed.keyId,
      accessTokenExpiresAt: tokens.expiresAt,
      verifiedAt: new Date(),
      connectedBy: actor.userId,
    });
    return { ok: true as const, returnTo };
  } catch (error) {
    if (error instanceof AppError && error.code === "helpdesk_failed") return { ok: false as const, returnTo, reason: error.message };
    throw error;
  }
}
