import type { DestinationId } from "@/lib/helpdesks/adapter";

/** One delivery to an outside destination, as the Integrations page lists it (no secrets, ISO dates). */
export type DeliveryView = {
  id: string;
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
