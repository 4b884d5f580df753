import type { Database } from "@/db/client";
import { findHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { openJson } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { GorgiasConnection } from "@/lib/helpdesks/gorgias/api";
import { gorgiasEnv } from "@/lib/helpdesks/gorgias/env";

/** What is sealed in helpdesk_connections.credentials_ciphertext for Gorgias. */
export type GorgiasSecret = { kind: "api_key"; email: string; apiKey: string };

export const gorgiasBaseUrl = (domain: string) => gorgiasEnv().GORGIAS_URL_TEMPLATE.replace("{domain}", domain);

export async function gorgiasConnectionFor(db: Database, accountId: string): Promise<GorgiasConnection> {
  const row = await findHelpdeskConnection(db, { accountId, provider: "gorgias" });
  if (!row) throw new AppError("not_found", "not_connected");
  const secret = openJson<GorgiasSecret>({ ciphertext: row.credentialsCiphertext, keyId: row.credentialsKeyId });
  return { baseUrl: gorgiasBaseUrl(row.site), email: secret.email, apiKey: secret.apiKey, timeoutMs: env().HELPDESK_TIMEOUT_MS };
}

/** The store's own addresses on Gorgias (support email, SMS number), sent as `source.to`; null when unknown. */
export async function gorgiasStoreAddresses(db: Database, accountId: string): Promise<{ email: string | null; phone: string | null }> {
  const row = await findHelpdeskConnection(db, { accountId, provider: "gorgias" });
  return { email: row?.storeEmail ?? null, phone: row?.storePhone ?? null };
}
