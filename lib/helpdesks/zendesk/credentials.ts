import type { Database } from "@/db/client";
import { findHelpdeskConnection, lockHelpdeskConnection, updateConnectionCredentials } from "@/db/queries/helpdesk-connections";
import { openJson, sealJson } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ZendeskConnection } from "@/lib/helpdesks/zendesk/api";
import { refreshZendeskToken, type ZendeskTokens } from "@/lib/helpdesks/zendesk/oauth";
import { zendeskEnv } from "@/lib/helpdesks/zendesk/env";

/** What is sealed in helpdesk_connections.credentials_ciphertext, per auth type. */
export type ZendeskSecret =
  | { kind: "api_token"; email: string; token: string }
  | { kind: "oauth"; accessToken: string; refreshToken: string; expiresAt: string; refreshExpiresAt: string | null };

/** Seals a fresh OAuth token pair as stored in helpdesk_connections. */
export function sealZendeskTokens(tokens: ZendeskTokens) {
  return sealJson({
    kind: "oauth",
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt.toISOString(),
    refreshExpiresAt: tokens.refreshExpiresAt?.toISOString() ?? null,
  } satisfies ZendeskSecret);
}

/** Refresh an OAuth access token this long before it expires, so no call goes out with a dying one. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export const zendeskBaseUrl = (subdomain: string) => zendeskEnv().ZENDESK_URL_TEMPLATE.replace("{subdomain}", subdomain);

export function zendeskOAuthClient() {
  const { ZENDESK_OAUTH_CLIENT_ID: clientId, ZENDESK_OAUTH_CLIENT_SECRET: clientSecret } = zendeskEnv();
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/**
 * A ready-to-use Zendesk connection for the account. An OAuth access token that expires within
 * the margin is refreshed first, under a row lock: Zendesk rotates refresh tokens, so two
 * processes refreshing at once would otherwise burn the pair.
 */
export async function zendeskConnectionFor(
  db: Database,
  accountId: string,
  now = new Date(),
  options: { forceRefresh?: boolean } = {},
): Promise<ZendeskConnection> {
  const row = await findHelpdeskConnection(db, { accountId, provider: "zendesk" });
  if (!row) throw new AppError("not_found", "not_connected");
  const timeoutMs = env().HELPDESK_TIMEOUT_MS;
  const baseUrl = zendeskBaseUrl(row.site);
  const secret = openJson<ZendeskSecret>({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId });
  if (secret.kind === "api_token") return { baseUrl, timeoutMs, credentials: secret };
  if (!options.forceRefresh && new Date(secret.expiresAt).getTime() - now.getTime() > REFRESH_MARGIN_MS) {
    return { baseUrl, timeoutMs, credentials: { kind: "oauth", accessToken: secret.accessToken } };
  }
  return db.transaction(async (tx) => {
    const locked = await lockHelpdeskConnection(tx, { accountId, provider: "zendesk" });
    if (!locked) throw new AppError("not_found", "not_connected");
    const current = openJson<ZendeskSecret>({ ciphertext: locked.credentialsCiphertext, keyId: locked.credentialsKeyId });
    if (current.kind !== "oauth") return { baseUrl, timeoutMs, credentials: current };
    // A forced refresh (after a 401) is skipped when another process refreshed since we read.
    const refreshedMeanwhile = options.forceRefresh && current.accessToken !== secret.accessToken;
    if (refreshedMeanwhile || (!options.forceRefresh && new Date(current.expiresAt).getTime() - now.getTime() > REFRESH_MARGIN_MS)) {
      return { baseUrl, timeoutMs, credentials: { kind: "oauth" as const, accessToken: current.accessToken } };
    }
    const client = zendeskOAuthClient();
    if (!client) throw new AppError("helpdesk_failed", "invalid_credentials");
    const tokens = await refreshZendeskToken({ baseUrl, ...client, refreshToken: current.refreshToken, timeoutMs, now });
    const sealed = sealZendeskTokens(tokens);
    await updateConnectionCredentials(tx, {
      accountId,
      provider: "zendesk",
      credentialsCiphertext: sealed.ciphertext,
      credentialsKeyId: sealed.keyId,
      accessTokenExpiresAt: tokens.expiresAt,
    });
    return { baseUrl, timeoutMs, credentials: { kind: "oauth" as const, accessToken: tokens.accessToken } };
  });
}
