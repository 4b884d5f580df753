import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { helpdeskConnections } from "@/db/schema/helpdesk-connections";

/** What may be shown about a connection: no credentials, not even encrypted. */
export type HelpdeskConnectionView = {
  provider: string;
  authType: string;
  site: string;
  agentEmail: string | null;
  agentName: string | null;
  verifiedAt: Date;
  lastTestTicketId: string | null;
  lastTestTicketUrl: string | null;
  lastTestTicketAt: Date | null;
};

const view = {
  provider: helpdeskConnections.provider,
  authType: helpdeskConnections.authType,
  site: helpdeskConnections.site,
  agentEmail: helpdeskConnections.agentEmail,
  agentName: helpdeskConnections.agentName,
  verifiedAt: helpdeskConnections.verifiedAt,
  lastTestTicketId: helpdeskConnections.lastTestTicketId,
  lastTestTicketUrl: helpdeskConnections.lastTestTicketUrl,
  lastTestTicketAt: helpdeskConnections.lastTestTicketAt,
};

/** Remembers the test ticket just created, so the card still links to it after a reload. */
export async function recordTestTicket(db: Database, params: { accountId: string; provider: string; id: string; url: string }) {
  await db
    .update(helpdeskConnections)
    .set({ lastTestTicketId: params.id, lastTestTicketUrl: params.url, lastTestTicketAt: sql`now()` })
    .where(and(eq(helpdeskConnections.accountId, params.accountId), eq(helpdeskConnections.provider, params.provider)));
}

export async function listHelpdeskConnections(db: Database, accountId: string): Promise<HelpdeskConnectionView[]> {
  return db.select(view).from(helpdeskConnections).where(eq(helpdeskConnections.accountId, accountId));
}

/** The full row, credentials included (still encrypted); for server-side use by services only. */
export async function findHelpdeskConnection(db: Database, params: { accountId: string; provider: string }) {
  const rows = await db
    .select()
    .from(helpdeskConnections)
    .where(and(eq(helpdeskConnections.accountId, params.accountId), eq(helpdeskConnections.provider, params.provider)))
    .limit(1);
  return rows[0] ?? null;
}

/** The full row, locked until the transaction ends (a token refresh must not run twice). */
export async function lockHelpdeskConnection(tx: Database, params: { accountId: string; provider: string }) {
  const rows = await tx
    .select()
    .from(helpdeskConnections)
    .where(and(eq(helpdeskConnections.accountId, params.accountId), eq(helpdeskConnections.provider, params.provider)))
    .for("update");
  return rows[0] ?? null;
}

export type ConnectionWrite = {
  accountId: string;
  provider: string;
  authType: string;
  site: string;
  agentEmail: string | null;
  agentName: string | null;
  /** Gorgias: the store's support address and SMS number (absent: unchanged on other providers). */
  storeEmail?: string | null;
  storePhone?: string | null;
  credentialsCiphertext: string;
  credentialsKeyId: string;
  accessTokenExpiresAt: Date | null;
  verifiedAt: Date;
  connectedBy: string | null;
};

/** Creates or replaces the account's connection to one helpdesk. */
export async function upsertHelpdeskConnection(db: Database, values: ConnectionWrite) {
  const { accountId: _a, provider: _p, ...changes } = values;
  await db
    .insert(helpdeskConnections)
    .values(values)
    .onConflictDoUpdate({
      target: [helpdeskConnections.accountId, helpdeskConnections.provider],
      set: { ...changes, updatedAt: new Date() },
    });
}

/** Replaces the sealed credentials after a token refresh. */
export async function updateConnectionCredentials(
  db: Database,
  params: { accountId: string; provider: string; credentialsCiphertext: string; credentialsKeyId: string; accessTokenExpiresAt: Date | null },
) {
  const { accountId, provider, ...changes } = params;
  await db
    .update(helpdeskConnections)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(helpdeskConnections.accountId, accountId), eq(helpdeskConnections.provider, provider)));
}

export async function deleteHelpdeskConnection(db: Database, params: { accountId: string; provider: string }) {
  const rows = await db
    .delete(helpdeskConnections)
    .where(and(eq(helpdeskConnections.accountId, params.accountId), eq(helpdeskConnections.provider, params.provider)))
    .returning({ provider: helpdeskConnections.provider });
  return rows.length > 0;
}
