import "server-only";
import type { Database } from "@/db/client";
import { listRecentDeliveries } from "@/db/queries/escalations";
import { outboundDestinations } from "@/lib/helpdesks/registry";
import type { DeliveryView } from "@/lib/integrations/delivery-view";

/**
 * The account's latest deliveries to outside destinations. A queued job that already failed an
 * attempt is "retrying"; one that has not been tried yet is "queued".
 */
export async function listDeliveries(db: Database, params: { accountId: string; limit: number }): Promise<DeliveryView[]> {
  const recent = await listRecentDeliveries(db, { ...params, destinations: outboundDestinations().map((d) => d.id) });
  return recent.map((d) => ({
    id: d.id,
    destination: d.destination,
    status: d.status === "queued" ? (d.attempts > 0 && d.lastError ? "retrying" : "queued") : d.status === "failed" ? "failed" : "delivered",
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    ticketId: d.externalTicketId,
    ticketUrl: d.externalUrl,
    createdAt: d.createdAt.toISOString(),
    shopper: d.shopperEmail ?? d.shopperPhone,
    reason: d.reason,
  }));
}
