import { z } from "zod";
import type { DestinationAdapter, DestinationId, OutboundDelivery } from "@/lib/helpdesks/adapter";
import type { HelpdeskProvider, OnboardingView } from "@/lib/validation/integrations";
import { batonInboxAdapter } from "@/lib/helpdesks/baton-inbox/adapter";
import { emailAdapter } from "@/lib/helpdesks/email/adapter";
import { gorgiasAdapter } from "@/lib/helpdesks/gorgias/adapter";
import { zendeskAdapter } from "@/lib/helpdesks/zendesk/adapter";

/** Every destination of handoffs, in the order the dashboard lists them. */
const adapters: Record<DestinationId, DestinationAdapter> = {
  baton_inbox: batonInboxAdapter,
  zendesk: zendeskAdapter,
  gorgias: gorgiasAdapter,
  email: emailAdapter,
};

export const destinationAdapter = (id: DestinationId): DestinationAdapter => adapters[id];

export const allDestinations = (): DestinationAdapter[] => Object.values(adapters);

/** The destinations a merchant connects (onboarding cards, test tickets, disconnect). */
export const connectableDestinations = () => allDestinations().filter((a) => a.needsConnection);

/** A form's `provider`: one of the connectable destinations (the enum follows this registry). */
export const connectableDestinationSchema = z.object({
  provider: z.enum(connectableDestinations().map((a) => a.id as HelpdeskProvider) as [HelpdeskProvider, ...HelpdeskProvider[]]),
});

/** The destinations tickets are delivered to through the outbox. */
export const outboundDestinations = () =>
  allDestinations().flatMap((a) => (a.outbound ? [{ id: a.id, outbound: a.outbound }] : [])) as Array<{ id: DestinationId; outbound: OutboundDelivery }>;

/** What the dashboard needs to offer each connectable destination's onboarding. */
export const onboardingViews = (): Record<HelpdeskProvider, OnboardingView> =>
  Object.fromEntries(
    connectableDestinations().map((a) => [
      a.id,
      { steps: a.display.onboardingSteps, setupRequired: a.setupRequired?.() ?? null, oauthAvailable: a.oauthAvailable?.() ?? false },
    ]),
  ) as Record<HelpdeskProvider, OnboardingView>;

/** The destination whose sign-in (OAuth) ends at /api/integrations/<id>/callback, if `id` names one. */
export function oauthDestination(id: string) {
  const adapter = allDestinations().find((a) => a.id === id);
  return adapter?.finishOAuth ? { id: adapter.id, finishOAuth: adapter.finishOAuth } : null;
}
