import type { DestinationAdapter, TicketRef } from "@/lib/helpdesks/adapter";
import type { Database } from "@/db/client";
import { requestBudget } from "@/lib/helpdesks/budget";
import { classifyHelpdeskError } from "@/lib/helpdesks/classify-http";
import { createGorgiasTicket, findGorgiasTicketsByExternalId, findOrCreateGorgiasCustomerByPhone } from "@/lib/helpdesks/gorgias/api";
import { gorgiasBaseUrl, gorgiasConnectionFor, gorgiasStoreAddresses } from "@/lib/helpdesks/gorgias/credentials";
import { HelpdeskError, withoutScheme } from "@/lib/helpdesks/request";
import { gorgiasHelpdesk } from "@/lib/helpdesks/gorgias/helpdesk";
import type texts from "./messages/en.json";
import { gorgiasEnv } from "@/lib/helpdesks/gorgias/env";

const budget = () => ({ requests: gorgiasEnv().GORGIAS_REQUESTS_PER_20S, windowMs: 20_000 });

/**
 * The account's connection, every request counted against the Gorgias account's shared budget and
 * cut by `signal` (the outbox worker's kill).
 */
async function budgetedConnection(db: Database, accountId: string, signal?: AbortSignal) {
  const connection = await gorgiasConnectionFor(db, accountId);
  return { ...connection, budget: requestBudget(db, gorgiasHelpdesk, connection.baseUrl, budget()), signal };
}

const asRef = (ticket: { id: number; url: string }): TicketRef => ({ id: ticket.id, url: ticket.url });

export const gorgiasAdapter: DestinationAdapter<typeof texts> = {
  id: "gorgias",
  needsConnection: true,
  followUp: { web_chat: "email", sms: "sms" },
  siteAddress: (site) => withoutScheme(gorgiasBaseUrl(site)),
  display: { onboardingSteps: 1, badgeClass: "bg-slate-800" },
  texts: { en: () => import("./messages/en.json"), "pt-BR": () => import("./messages/pt-BR.json") },
  outbound: {
    budget,
    classify: classifyHelpdeskError,
    async findTicket(db, accountId, externalId) {
      const [found] = await findGorgiasTicketsByExternalId(await budgetedConnection(db, accountId), externalId);
      return found ? asRef(found) : null;
    },
    // Gorgias has no idempotency key: after an unknown outcome the ticket is looked up first.
    async createTicket(db, request, { mayExist, signal }) {
      const connection = await budgetedConnection(db, request.accountId, signal);
      if (mayExist) {
        const [existing] = await findGorgiasTicketsByExternalId(connection, request.externalId);
        if (existing) return asRef(existing);
      }
      const { email, phone, name } = request.requester;
      // A shopper known only by phone (SMS) is found or created by that number, never by an empty email.
      const customer = email ? { email, name } : phone ? { ...(await findOrCreateGorgiasCustomerByPhone(connection, { phone, name })), name } : null;
      if (!customer)
        throw new HelpdeskError(gorgiasHelpdesk, "invalid_request", { description: "the shopper left neither an email address nor a phone number" });
      // Replies go out on the shopper's channel; a test ticket stays on the API channel (nothing is sent).
      const channel = request.followUp === "sms" && !phone ? "email" : request.followUp;
      const store = await gorgiasStoreAddresses(db, request.accountId);
      const created = await createGorgiasTicket(connection, {
        customer,
        subject: request.subject,
        message: { bodyText: request.shopperWords || request.body, sentAt: request.sentAt },
        // Only when the shopper's words stand alone: a test ticket is its body.
        note: request.shopperWords ? { bodyText: request.body, sentAt: new Date(request.sentAt.getTime() + 1000) } : undefined,
        tags: request.tags,
        externalId: request.externalId,
        channel,
        from: channel === "sms" ? (phone ?? undefined) : channel === "email" ? email || undefined : undefined,
        to: channel === "sms" ? store.phone : channel === "email" ? store.email : null,
      });
      return asRef(created);
    },
  },
};
