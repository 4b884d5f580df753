import "server-only";
import type { Database } from "@/db/client";
import { deleteHelpdeskConnection } from "@/db/queries/helpdesk-connections";
import { findHandoffSettings, writeHandoffSettings } from "@/db/queries/handoff-settings";
import type { ConnectableId } from "@/lib/helpdesks/registry";
import { AppError } from "@/lib/errors";
import type { ConnectingActor } from "@/lib/helpdesks/verified";
import { announceSettings, defaultHandoff } from "@/lib/services/handoff-settings";

/**
 * Removes a connection. If it was the handoff destination, handoffs fall back to Baton Inbox at
 * once (recorded in the history with the reason), so shoppers never meet a dead end.
 */
export async function disconnectHelpdesk(db: Database, actor: ConnectingActor, provider: ConnectableId) {
  const removed = await deleteHelpdeskConnection(db, { accountId: actor.accountId, provider });
  if (!removed) throw new AppError("not_found", "not_connected");
  // Retried when someone saves in between, so the destination never stays on a removed helpdesk.
  for (let attempt = 0; attempt < 3; attempt++) {
    const settings = await findHandoffSettings(db, actor.accountId);
    if (!settings || settings.method !== "helpdesk" || settings.destination !== provider) return { fellBack: false };
    const before = { method: settings.method, destination: settings.destination, message: settings.message, links: settings.links };
    const after = { ...before, destination: defaultHandoff.destination };
    const written = await writeHandoffSettings(
      db,
      { accountId: actor.accountId, userId: actor.userId, expectedVersion: settings.version, before, after, reason: "helpdesk_disconnected" },
      (tx, row) => announceSettings(tx, actor.accountId, row.version, after, "helpdesk_disconnected"),
    );
    if (written) return { fellBack: true };
  }
  throw new AppError("conflict", "stale_version");
}
