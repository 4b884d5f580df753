import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { helpdeskRequest, HelpdeskError, isHelpdeskError, joinUrl } from "@/lib/helpdesks/request";
import { zendeskHelpdesk } from "@/lib/helpdesks/zendesk/helpdesk";

// Zendesk's OAuth authorization-code flow for a global client: the merchant consents on their
// own subdomain, and Baton exchanges the code (with PKCE) for expiring, rotating tokens.

export type PkcePair = { verifier: string; challenge: string; method: "S256" };

/** A fresh PKCE verifier (43 characters, 256 bits) and its S256 challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url"), method: "S256" };
}

export function zendeskAuthorizeUrl(params: {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** Space-separated, e.g. `read tickets:write`. */
  scope: string;
}): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    scope: params.scope,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: "S256",
  });
  return `${joinUrl(params.baseUrl, "/oauth/authorizations/new")}?${query}`;
}

export type ZendeskTokens = {
  accessToken: string;
  /** Single use: each refresh returns a new one and invalidates the old pair. */
  refreshToken: string;
  expiresAt: Date;
  /** Null when Zendesk does not say (then the refresh token does not expire by time). */
  refreshExpiresAt: Date | null;
  scope: string;
};

type ClientParams = { baseUrl: string; clientId: string; clientSecret: string; timeoutMs?: number; now?: Date };

const tokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  scope: z.string(),
  expires_in: z.number().int().positive(),
  refresh_token_expires_in: z.number().int().positive().nullish(),
});

export function exchangeZendeskCode(
  params: ClientParams & { code: string; redirectUri: string; codeVerifier: string; scope?: string },
): Promise<ZendeskTokens> {
  return requestTokens(params, {
    grant_type: "authorization_code",
    code: params.code,
    redirect_uri: params.redirectUri,
    code_verifier: params.codeVerifier,
    ...(params.scope ? { scope: params.scope } : {}),
  });
}

export function refreshZendeskToken(params: ClientParams & { refreshToken: string }): Promise<ZendeskTokens> {
  return requestTokens(params, { grant_type: "refresh_token", refresh_token: params.refreshToken });
}

async function requestTokens(params: ClientParams, grant: Record<string, string>): Promise<ZendeskTokens> {
  const issuedAt = (params.now ?? new Date()).getTime();
  try {
    const { data } = await helpdeskRequest({
      helpdesk: zendeskHelpdesk,
      method: "POST",
      url: joinUrl(params.baseUrl, "/oauth/tokens"),
      json: { ...grant, client_id: params.clientId, client_secret: params.clientSecret },
      schema: tokenSchema,
      timeoutMs: params.timeoutMs,
    });
    return {
      accessToken: data.access_token,
      refreshToken: data.refresh_token,
      expiresAt: new Date(issuedAt + data.expires_in * 1000),
      refreshExpiresAt: data.refresh_token_expires_in ? new Date(issuedAt + data.refresh_token_expires_in * 1000) : null,
      scope: data.scope,
    };
  } catch (error) {
    // A spent, expired or mismatched code or refresh token: only a new consent helps.
    if (isHelpdeskError(error) && error.code === "invalid_grant") {
      throw new HelpdeskError(zendeskHelpdesk, "invalid_credentials", {
        status: error.status,
        code: error.code,
        description: error.description,
      });
    }
    throw error;
  }
}
