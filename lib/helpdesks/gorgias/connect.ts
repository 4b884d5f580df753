import type { Database } from "@/db/client";
import { upsertHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { sealJson } from "@/lib/crypto";
import { env } from "@/lib/env";
import { checkGorgiasRole, verifyGorgiasCredentials } from "@/lib/helpdesks/gorgias/api";
import { gorgiasBaseUrl, type GorgiasSecret } from "@/lib/helpdesks/gorgias/credentials";
import { verified, type ConnectingActor as Actor } from "@/lib/helpdesks/verified";

// Gorgias' onboarding: domain, the API key's user and the key, verified before storing.

export async function connectGorgias(
  db: Database,
  actor: Actor,
  input: { domain: string; email: string; apiKey: string; storeEmail?: string | null; storePhone?: string | null },
) {
  const connection = { baseUrl: gorgiasBaseUrl(input.domain), email: input.email, apiKey: input.apiKey, timeoutMs: env().HELPDESK_TIMEOUT_MS };
  const info = await verified(async () => {
    const account = await verifyGorgiasCredentials(connection);
    // A read-only (observer) user's key would connect, then every ticket would be refused with 403.
    await checkGorgiasRole(connection);
    return account;
  });
  const sealed = sealJson({ kind: "api_key", email: input.email, apiKey: input.apiKey } satisfies GorgiasSecret);
  await upsertHelpdeskConnection(db, {
    accountId: actor.accountId,
    provider: "gorgias",
    authType: "api_key",
    site: input.domain,
    agentEmail: info.email,
    agentName: null,
    storeEmail: input.storeEmail ?? null,
    storePhone: input.storePhone ?? null,
    credentialsCiphertext: sealed.ciphertext,
    credentialsKeyId: sealed.keyId,
    accessTokenExpiresAt: null,
    verifiedAt: new Date(),
    connectedBy: actor.userId,
  });
  return { site: input.domain, agentEmail: info.email };
}
