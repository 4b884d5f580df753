import "server-only";
import type { Database } from "@/db/client";
import type { HandoffSnapshot as StoredHandoff } from "@/db/schema/handoff-settings";
import { findHandoffSettings, listHandoffChanges, writeHandoffSettings } from "@/db/queries/handoff-settings";
import { listHelpdeskConnections } from "@/db/queries/helpdesk-connections";
import { AppError } from "@/lib/errors";
import { allDestinations, asDestinationId, type ConnectableId } from "@/lib/helpdesks/registry";
import type { DestinationId, HandoffSnapshot, SaveHandoffInput } from "@/lib/validation/handoff";
import { recordWebhookEvent } from "@/lib/services/webhook-events";

/** Until an account saves, unanswered questions go to Baton Inbox. */
export const defaultHandoff: HandoffSnapshot = { method: "helpdesk", destination: "baton_inbox", message: "", links: [], translations: {} };

export type HandoffState = {
  settings: HandoffSnapshot;
  version: number;
  updatedAt: Date | null;
  /** Which destinations can receive tickets now. Baton Inbox always can. */
  connected: Record<DestinationId, boolean>;
};

export async function getHandoffState(db: Database, accountId: string): Promise<HandoffState> {
  const [row, connections] = await Promise.all([findHandoffSettings(db, accountId), listHelpdeskConnections(db, accountId)]);
  const providers = new Set(connections.map((c) => c.provider));
  return {
    settings: row ? snapshotOf(row) : defaultHandoff,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    connected: Object.fromEntries(
      allDestinations().map((d) => [d.id, !d.needsConnection || providers.has(d.id as ConnectableId)]),
    ) as HandoffState["connected"],
  };
}

function snapshotOf(row: StoredHandoff): HandoffSnapshot {
  return { method: row.method, destination: asDestinationId(row.destination), message: row.message, links: row.links, translations: row.translations ?? {} };
}

/** The custom message shoppers in `locale` read: its own version when the merchant wrote one, else the main one. */
export function messageFor(settings: HandoffSnapshot, locale: string): { message: string; links: HandoffSnapshot["links"] } {
  const own = settings.translations?.[locale];
  return own?.message ? own : { message: settings.message, links: settings.links };
}

/** The `handoff_settings.updated` event, in the change's transaction. */
export const announceSettings = (db: Database, accountId: string, version: number, settings: HandoffSnapshot, reason: string | null) =>
  recordWebhookEvent(db, {
    accountId,
    type: "handoff_settings.updated",
    data: { version, method: settings.method, destination: settings.method === "helpdesk" ? settings.destination : null, reason },
  });

/**
 * Saves the account's handoff method. Refuses a helpdesk that is not connected (the merchant
 * must finish its onboarding first) and a save based on a version someone else has replaced.
 */
export async function saveHandoffSettings(db: Database, params: { accountId: string; userId: string; input: SaveHandoffInput }): Promise<HandoffState> {
  const { input } = params;
  const current = await getHandoffState(db, params.accountId);
  if (input.method === "helpdesk" && !current.connected[input.destination]) {
    throw new AppError("validation_failed", "integration_required", { destination: ["integration_required"] });
  }
  if (input.version !== current.version) throw new AppError("conflict", "stale_version");

  const before = current.settings;
  const after: HandoffSnapshot =
    input.method === "helpdesk"
      ? { ...before, method: "helpdesk", destination: input.destination }
      : { ...before, method: "message", message: input.message, links: input.links, translations: input.translations ?? {} };
  if (JSON.stringify(after) === JSON.stringify(before)) return current;

  const written = await writeHandoffSettings(
    db,
    { accountId: params.accountId, userId: params.userId, expectedVersion: input.version, before, after },
    (tx, row) => announceSettings(tx, params.accountId, row.version, after, null),
  );
  if (!written) throw new AppError("conflict", "stale_version");
  return { ...current, settings: snapshotOf(written), version: written.version, updatedAt: written.updatedAt };
}

/**
 * What the Handoff tab shows: the state, who is connected as whom, the latest changes, and the
 * destination handoffs fell back from when the latest change was the automatic fallback after a
 * disconnect (shown until someone saves).
 */
export async function getHandoffOverview(db: Database, accountId: string) {
  const [state, connections, changes] = await Promise.all([
    getHandoffState(db, accountId),
    listHelpdeskConnections(db, accountId),
    listHandoffChanges(db, { accountId, limit: 20 }),
  ]);
  const fellBackFrom = changes[0]?.reason === "helpdesk_disconnected" ? asDestinationId(changes[0].before.destination) : null;
  return {
    state,
    connectedAs: Object.fromEntries(connections.map((c) => [c.provider, c.agentEmail ?? c.site])),
    changes: changes.map((c) => ({ ...c, before: snapshotOf(c.before), after: snapshotOf(c.after) })),
    fellBackFrom,
  };
}

export type HandoffChange = Awaited<ReturnType<typeof getHandoffOverview>>["changes"][number];
