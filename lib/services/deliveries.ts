import "server-only";
import type { Database } from "@/db/client";
import { countDeliveries, deliveryStatuses, listDeliveryPage, requeueFailed, type DeliveryStatus } from "@/db/queries/escalations/deliveries";
import { AppError } from "@/lib/errors";
import type { DestinationId } from "@/lib/helpdesks/adapter";
import { asDestinationId, destinationAdapter, outboundDestinations } from "@/lib/helpdesks/registry";
import type { DeliveryCounts, DeliveryView } from "@/lib/integrations/delivery-view";

export const DELIVERIES_PAGE_SIZE = 25;

/**
 * One page of the account's deliveries to outside destinations (failed, then retrying, then the
 * rest, newest first), optionally of one status, with the count per status and destination.
 */
export async function listDeliveries(
  db: Database,
  params: { accountId: string; status?: DeliveryStatus | null; page?: number },
): Promise<{ deliveries: DeliveryView[]; counts: DeliveryCounts; page: number; pageSize: number; total: number }> {
  const destinations = outboundDestinations().map((d) => d.id);
  const page = Math.max(1, Math.floor(params.page ?? 1));
  const [rows, countRows] = await Promise.all([
    listDeliveryPage(db, {
      accountId: params.accountId,
      destinations,
      status: params.status ?? null,
      limit: DELIVERIES_PAGE_SIZE,
      offset: (page - 1) * DELIVERIES_PAGE_SIZE,
    }),
    countDeliveries(db, { accountId: params.accountId, destinations }),
  ]);
  const counts = Object.fromEntries(deliveryStatuses.map((s) => [s, 0])) as DeliveryCounts["all"];
  const byDestination: DeliveryCounts["byDestination"] = {};
  for (const row of countRows) {
    counts[row.status] += row.n;
    byDestination[asDestinationId(row.destination)] ??= Object.fromEntries(deliveryStatuses.map((s) => [s, 0])) as DeliveryCounts["all"];
    byDestination[asDestinationId(row.destination)]![row.status] += row.n;
  }
  const total = params.status ? counts[params.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    page,
    pageSize: DELIVERIES_PAGE_SIZE,
    total,
    counts: { all: counts, byDestination },
    deliveries: rows.map((d) => ({
      id: d.id,
      conversationId: d.conversationId,
      destination: asDestinationId(d.destination),
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      ticketId: d.externalTicketId,
      ticketUrl: d.externalUrl,
      createdAt: d.createdAt.toISOString(),
      shopper: d.shopperEmail ?? d.shopperPhone,
      reason: d.reason,
    })),
  };
}

/** "Retry all failed" for one outside destination of the account; the outbox, woken by the change, sends them. */
export async function retryAllFailed(db: Database, params: { accountId: string; destination: DestinationId }): Promise<number> {
  if (!destinationAdapter(params.destination)?.outbound) throw new AppError("validation_failed", "not an outside destination");
  return requeueFailed(db, params);
}
