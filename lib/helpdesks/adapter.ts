import type { Database } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";

// The ids are the registry's keys (lib/helpdesks/registry.ts), the one list of destinations.
export type { DestinationId } from "@/lib/helpdesks/registry";
export type ShopperChannel = "web_chat" | "sms";

/** One ticket to create: everything a destination needs, already rendered by Baton. */
export type TicketRequest = {
  accountId: string;
  /** Stable for one escalation (or one test): destinations that deduplicate use it as their key. */
  idempotencyKey: string;
  /** Baton's conversation id (or a test id), stored on the ticket so it can be found again. */
  externalId: string;
  requester: { name: string; email: string; phone: string | null };
  subject: string;
  /** Everything the team needs (who, why, the transcript with the AI agent's answers, the link back). */
  body: string;
  /** Only the shopper's own words, as written; destinations that separate who said what post these as the customer's. */
  shopperWords?: string;
  tags: string[];
  /** When the first message was written. */
  sentAt: Date;
  /** How the team's replies reach the shopper; absent for a test ticket (nothing may go out). */
  followUp?: "email" | "sms";
  /** The account's language, which the ticket's own words (not the transcript) are written in. */
  locale?: ShopperLocale;
};

/** A warning about a connection, named in the destination's texts (integrations.providers.<id>.notices.<code>). */
export type ConnectionNotice = { code: string; date?: string };

/** The ticket in the destination: its own id (a number in Zendesk and Gorgias) and where to open it. */
export type TicketRef = { id: number | string; url: string };

/**
 * What a failed call means for delivery. `reason` is a stable code the dashboard has a text for
 * (integrations.onboarding.errors.*); `message` is the destination's own words, without secrets.
 */
export type DeliveryFailure = { reason: string; message: string } & (
  { kind: "retry"; waitMs: number } | { kind: "rate_limited"; waitMs: number } | { kind: "credentials_refused" } | { kind: "permanent" }
);

/** How tickets leave Baton for a destination outside it. */
export type OutboundDelivery = {
  /**
   * Creates the ticket at most once per `idempotencyKey`/`externalId`: with `mayExist` (an earlier
   * attempt's outcome is unknown) the destination is searched by the external id first. `signal`
   * aborts when the worker is killed; a destination that can cuts its connection then.
   */
  createTicket: (db: Database, request: TicketRequest, options: { mayExist: boolean; signal?: AbortSignal }) => Promise<TicketRef>;
  findTicket: (db: Database, accountId: string, externalId: string) => Promise<TicketRef | null>;
  /** The destination's meaning of an error its calls threw; null for anything it does not know. */
  classify: (error: unknown) => DeliveryFailure | null;
  /**
   * Requests allowed per helpdesk account and window (the configured plan), shared by every
   * process; each request is counted, and the helpdesk's own rate-limit headers lower it.
   */
  budget: () => { requests: number; windowMs: number };
};

/**
 * A destination's texts, one catalog per dashboard language: the parts of the dashboard's catalog
 * about it (handoff.destinations.<id>, integrations.providers.<id>, integrations.onboarding.<id>,
 * overview.destinations.<id>), merged into messages/<locale>.json where catalogs are loaded. Both
 * languages load into one type, so a key missing from one fails the typecheck.
 */
export type DestinationTexts<Catalog = unknown> = Record<Locale, () => Promise<{ default: Catalog }>>;

/**
 * One destination of handoffs. Forwarding, test tickets, onboarding, the deliveries list and the
 * overview reach destinations only through this shape, so adding one is its folder, a line in
 * `registry.ts` (and one in components/integrations/onboarding.tsx) and its texts.
 */
export type DestinationAdapter<Catalog = unknown> = {
  /** Its key in the registry (a test checks they agree). */
  id: string;
  /** Needs a verified connection (helpdesk_connections) before it can be the handoff destination. */
  needsConnection: boolean;
  /** Null for Baton Inbox: the escalation is delivered when the handoff writes it. */
  outbound: OutboundDelivery | null;
  /** The channel the team's replies reach the shopper on, per shopper channel (outside destinations). */
  followUp: Record<ShopperChannel, "email" | "sms">;
  /** How the dashboard shows it: onboarding steps and the colour of its initial. */
  display: { onboardingSteps: number; badgeClass: string };
  /** Its texts (lib/helpdesks/<id>/messages/<locale>.json). */
  texts: DestinationTexts<Catalog>;
  /**
   * What this server lacks before the destination can be connected (e.g. "smtp_url"), shown as
   * integrations.providers.<id>.setup.<code>; null or absent when nothing is missing.
   */
  setupRequired?: () => string | null;
  /** Whether this server can offer sign-in with the destination (OAuth) in its onboarding. */
  oauthAvailable?: () => boolean;
  /**
   * A warning the Integrations card shows about a connection (e.g. Zendesk's API tokens stop
   * working on a date), as integrations.providers.<id>.notices.<code> with `date` (an ISO time)
   * formatted as {date}; null or absent when there is nothing to say.
   */
  connectionNotice?: (connection: { authType: string }) => ConnectionNotice | null;
  /** Where a connection's site really is, as the Integrations card shows it; absent: the site itself. */
  siteAddress?: (site: string) => string;
  /**
   * The end of sign-in with the destination, at /api/integrations/<id>/callback: exchanges the
   * code for the admin who started it; `reason` is an onboarding error code when it failed.
   */
  finishOAuth?: (
    db: Database,
    actor: { accountId: string; userId: string },
    input: { state: string; code?: string; error?: string },
  ) => Promise<{ ok: true; returnTo: string } | { ok: false; returnTo: string; reason: string }>;
};
