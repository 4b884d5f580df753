import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, users } from "./accounts";

/**
 * A destination's id (`zendesk`, `email`, …) and how its connection signs in (`api_token`, …) are
 * text, not enums: the destinations are listed once, in lib/helpdesks/registry.ts, and each names
 * its own sign-in kinds, so adding one needs no migration. Both are checked there before a write.
 */
const providerColumn = () => text("provider").notNull();

/**
 * A verified connection to an outside helpdesk. Credentials (API token, API key or OAuth tokens)
 * are one AES-256-GCM ciphertext (lib/crypto.ts) with the id of the key that sealed it; nothing
 * here is ever sent to a browser except the display fields.
 */
export const helpdeskConnections = pgTable(
  "helpdesk_connections",
  {
    accountId: accountIdColumn(),
    provider: providerColumn(),
    authType: text("auth_type").notNull(),
    /** Zendesk subdomain or Gorgias domain, e.g. `acme` for acme.zendesk.com. */
    site: text("site").notNull(),
    agentEmail: text("agent_email"),
    agentName: text("agent_name"),
    /**
     * Gorgias: the store's support address and SMS number, sent as `source.to` so Gorgias replies
     * from them. Read from the account's integrations when it has one, else asked at onboarding.
     */
    storeEmail: text("store_email"),
    storePhone: text("store_phone"),
    credentialsCiphertext: text("credentials_ciphertext").notNull(),
    credentialsKeyId: text("credentials_key_id").notNull(),
    /** When the OAuth access token expires; null for credentials that do not expire. */
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull(),
    connectedBy: uuid("connected_by").references(() => users.id, { onDelete: "set null" }),
    /** The last "Send a test ticket": shown on the card until the next one (or a disconnect). */
    lastTestTicketId: text("last_test_ticket_id"),
    lastTestTicketUrl: text("last_test_ticket_url"),
    lastTestTicketAt: timestamp("last_test_ticket_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.provider] })],
);

/**
 * A started OAuth authorization, found again by its `state` on the callback. Bound to the account
 * and user who started it (a callback for someone else's state is refused) and short-lived; the
 * PKCE verifier is sealed like any credential.
 */
export const oauthStates = pgTable("oauth_states", {
  state: text("state").primaryKey(),
  accountId: accountIdColumn(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  provider: providerColumn(),
  site: text("site").notNull(),
  verifierCiphertext: text("verifier_ciphertext").notNull(),
  verifierKeyId: text("verifier_key_id").notNull(),
  /** Same-site path to return to when the connection succeeds or fails. */
  returnTo: text("return_to").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/**
 * A code mailed to an address a merchant wants handoffs sent to, waiting to be typed back. One per
 * account and destination (a new request replaces it); only its hash is kept, it expires, and a few
 * wrong guesses end it, so nothing is ever mailed to an address nobody confirmed.
 */
export const destinationCodes = pgTable(
  "destination_codes",
  {
    accountId: accountIdColumn(),
    provider: providerColumn(),
    address: text("address").notNull(),
    codeHash: text("code_hash").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.provider] })],
);
