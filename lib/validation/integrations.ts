import { z } from "zod";

// The destinations' ids as types for code a browser loads, which may not import lib/helpdesks:
// type exports are erased, so the registry (lib/helpdesks/registry.ts) stays the one list.
export type { ConnectableId, DestinationId } from "@/lib/helpdesks/registry";
// The destinations' own connect schemas live in their folders (lib/helpdesks/<id>/schemas.ts), and
// the schema naming a connectable destination is derived from the registry (lib/helpdesks/registry.ts).

export const escalationIdSchema = z.object({ id: z.uuid() });

/** How the dashboard offers one destination's onboarding (from its adapter, lib/helpdesks/registry.ts). */
export type OnboardingView = {
  steps: number;
  /** What this server lacks before it can be connected (integrations.providers.<id>.setup.<code>). */
  setupRequired: string | null;
  /** Whether sign-in with the destination (OAuth) is set up on this server. */
  oauthAvailable: boolean;
};

/** The Deliveries list's URL: `?status=` one of the filters (else all), `?page=` from 1. */
export const deliveriesSearchSchema = z.object({
  status: z.enum(["failed", "retrying", "queued", "delivered"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
