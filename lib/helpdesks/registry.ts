import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { DestinationAdapter } from "@/lib/helpdesks/adapter";
import type { OnboardingView } from "@/lib/validation/integrations";
import { batonInboxAdapter } from "@/lib/helpdesks/baton-inbox/adapter";
import { emailAdapter } from "@/lib/helpdesks/email/adapter";
import { gorgiasAdapter } from "@/lib/helpdesks/gorgias/adapter";
import { zendeskAdapter } from "@/lib/helpdesks/zendesk/adapter";

/**
 * Every destination of handoffs, in the order the dashboard lists them: the one list of them. The
 * database stores their ids as text, the forms validate against this list, and the browser's
 * half (components/integrations/onboarding.tsx) is typed by it, so a destination is its folder
 * (lib/helpdesks/<id>/), a line here, one there, and its texts (lib/helpdesks/<id>/messages/).
 */
const adapters = {
  baton_inbox: batonInboxAdapter,
  zendesk: zendeskAdapter,
  gorgias: gorgiasAdapter,
  email: emailAdapter,
} satisfies Record<string, DestinationAdapter>;

export type DestinationId = keyof typeof adapters;
/** The destinations a merchant connects: all but Baton's own inbox. */
export type ConnectableId = Exclude<DestinationId, "baton_inbox">;

export const destinationIds = Object.keys(adapters) as DestinationId[];

export const isDestinationId = (value: unknown): value is DestinationId => typeof value === "string" && Object.hasOwn(adapters, value);

/** A destination id read back from the database (text there); one no destination claims is a bug. */
export function asDestinationId(value: string): DestinationId {
  if (!isDestinationId(value)) throw new Error(`Unknown destination "${value}": not in lib/helpdesks/registry.ts`);
  return value;
}

type Registered = DestinationAdapter & { id: DestinationId };

/** A destination by its id, as the database stores it (text): one the registry lacks is a bug. */
export const destinationAdapter = (id: string): Registered => adapters[asDestinationId(id)] as Registered;

export const allDestinations = (): Registered[] => Object.values(adapters) as Registered[];

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type CatalogOf<A> = A extends DestinationAdapter<infer Catalog> ? Catalog : never;
/** Every destination's texts as one catalog type, part of the dashboard's (lib/i18n/dashboard-messages.ts). */
export type DestinationCatalogs = UnionToIntersection<CatalogOf<(typeof adapters)[DestinationId]>>;

/** Every destination's catalog in one language, to merge into the dashboard's. */
export const destinationCatalogs = (locale: Locale) => Promise.all(allDestinations().map(async (a) => (await a.texts[locale]()).default));

/** A form's destination: one of the registry's ids. */
export const destinationIdSchema = (error: string) => z.custom<DestinationId>(isDestinationId, { error });

/** The destinations a merchant connects (onboarding cards, test tickets, disconnect). */
export const connectableDestinations = () => allDestinations().filter((a) => a.needsConnection);

/** A form's `provider`: one of the connectable destinations (the enum follows this registry). */
export const connectableDestinationSchema = z.object({
  provider: z.custom<ConnectableId>((value) => connectableDestinations().some((a) => a.id === value)),
});

/** The destinations tickets are delivered to through the outbox. */
export const outboundDestinations = () => allDestinations().flatMap((a) => (a.outbound ? [{ id: a.id, outbound: a.outbound }] : []));

/** What the dashboard needs to offer each connectable destination's onboarding. */
export const onboardingViews = (): Record<ConnectableId, OnboardingView> =>
  Object.fromEntries(
    connectableDestinations().map((a) => [
      a.id,
      { steps: a.display.onboardingSteps, setupRequired: a.setupRequired?.() ?? null, oauthAvailable: a.oauthAvailable?.() ?? false },
    ]),
  ) as Record<ConnectableId, OnboardingView>;

/** The destination whose sign-in (OAuth) ends at /api/integrations/<id>/callback, if `id` names one. */
export function oauthDestination(id: string) {
  const adapter = allDestinations().find((a) => a.id === id);
  return adapter?.finishOAuth ? { id: adapter.id as ConnectableId, finishOAuth: adapter.finishOAuth } : null;
}
