import type { DestinationId } from "@/lib/helpdesks/adapter";

/** One delivery to an outside destination, as the Integrations page lists it (no secrets, ISO dates). */
export type DeliveryView = {
  id: string;
  conversationId: string;
  destination: DestinationId;
  status: "queued" | "retrying" | "delivered" | "failed";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  ticketId: string | null;
  ticketUrl: string | null;
  createdAt: string;
  shopper: string | null;
  reason: string | null;
};

/** Deliveries per status: in all, and per destination (for "Retry all failed"). */
export type DeliveryCounts = {
  all: Record<DeliveryView["status"], number>;
  byDestination: Partial<Record<DestinationId, Record<DeliveryView["status"], number>>>;
};

/** The statuses the list can be filtered by, failed and retrying first. */
export const deliveryFilters = ["failed", "retrying", "queued", "delivered"] as const satisfies ReadonlyArray<DeliveryView["status"]>;
