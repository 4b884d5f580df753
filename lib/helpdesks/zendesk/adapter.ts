import type { Database } from "@/db/client";
import type { DestinationAdapter, TicketRef } from "@/lib/helpdesks/adapter";
import { requestBudget } from "@/lib/helpdesks/budget";
import { classifyHelpdeskError } from "@/lib/helpdesks/classify-http";
import { isHelpdeskError, withoutScheme } from "@/lib/helpdesks/request";
import { createZendeskTicket, findZendeskTicketsByExternalId, type ZendeskConnection } from "@/lib/helpdesks/zendesk/api";
import { finishZendeskOAuth } from "@/lib/helpdesks/zendesk/connect";
import { zendeskBaseUrl, zendeskConnectionFor, zendeskOAuthClient } from "@/lib/helpdesks/zendesk/credentials";
import { zendeskHelpdesk } from "@/lib/helpdesks/zendesk/helpdesk";
import type texts from "./messages/en.json";
import { zendeskEnv } from "@/lib/helpdesks/zendesk/env";

const budget = () => ({ requests: zendeskEnv().ZENDESK_REQUESTS_PER_MINUTE, windowMs: 60_000 });

/**
 * Runs a call with the account's connection, every request counted against the Zendesk account's
 * shared budget and cut by `signal` (the outbox worker's kill); an OAuth token revoked or expired
 * early is refreshed once.
 */
async function withConnection<T>(db: Database, accountId: string, run: (connection: ZendeskConnection) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const budgeted = (connection: ZendeskConnection) => ({ ...connection, budget: requestBudget(db, zendeskHelpdesk, connection.baseUrl, budget()), signal });
  try {
    return await run(budgeted(await zendeskConnectionFor(db, accountId)));
  } catch (error) {
    if (!isHelpdeskError(error) || error.kind !== "invalid_credentials") throw error;
    return run(budgeted(await zendeskConnectionFor(db, accountId, new Date(), { forceRefresh: true })));
  }
}

const asRef = (ticket: { id: number; url: string }): TicketRef => ({ id: ticket.id, url: ticket.url });

export const zendeskAdapter: DestinationAdapter<typeof texts> = {
  id: "zendesk",
  needsConnection: true,
  followUp: { web_chat: "email", sms: "sms" },
  siteAddress: (site) => withoutScheme(zendeskBaseUrl(site)),
  // API tokens are being retired by Zendesk (lib/helpdesks/zendesk/api.ts): a card signed in with one says when.
  connectionNotice: ({ authType }) => (authType === "api_token" ? { code: "tokenRetirement", date: "2027-04-30T00:00:00Z" } : null),
  display: { onboardingSteps: 2, badgeClass: "bg-emerald-700" },
  texts: { en: () => import("./messages/en.json"), "pt-BR": () => import("./messages/pt-BR.json") },
  oauthAvailable: () => zendeskOAuthClient() !== null,
  finishOAuth: finishZendeskOAuth,
  outbound: {
    budget,
    classify: classifyHelpdeskError,
    findTicket: (db, accountId, externalId) =>
      withConnection(db, accountId, async (connection) => {
        const [found] = await findZendeskTicketsByExternalId(connection, externalId);
        return found ? asRef(found) : null;
      }),
    // An internal note (public: false): Zendesk's triggers do not email it to the requester.
    createTicket: (db, request, { mayExist, signal }) =>
      withConnection(
        db,
        request.accountId,
        async (connection) => {
          if (mayExist) {
            const [existing] = await findZendeskTicketsByExternalId(connection, request.externalId);
            if (existing) return asRef(existing);
          }
          const created = await createZendeskTicket(connection, {
            // Never an empty email: a shopper known only by phone is named, and their number is in the note.
            requester: { name: request.requester.name, email: request.requester.email || null },
            subject: request.subject,
            comment: { body: request.body, public: false },
            tags: request.tags,
            externalId: request.externalId,
            idempotencyKey: request.idempotencyKey,
          });
          return asRef(created);
        },
        signal,
      ),
  },
};
