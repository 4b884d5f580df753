import { env } from "@/lib/env";
import type { DestinationAdapter, TicketRef } from "@/lib/helpdesks/adapter";
import type { Database } from "@/db/client";
import { requestBudget } from "@/lib/helpdesks/budget";
import { classifyHelpdeskError } from "@/lib/helpdesks/classify-http";
import { createGorgiasTicket, findGorgiasTicketsByExternalId } from "@/lib/helpdesks/gorgias/api";
import { gorgiasBaseUrl, gorgiasConnectionFor } from "@/lib/helpdesks/gorgias/credentials";
import { withoutScheme } from "@/lib/helpdesks/request";

const budget = () => ({ requests: env().GORGIAS_REQUESTS_PER_20S, windowMs: 20_000 });

/** The account's connection, every request counted against the Gorgias account's shared budget. */
async function budgetedConnection(db: Database, accountId: string) {
  const connection = await gorgiasConnectionFor(db, accountId);
  return { ...connection, budget: requestBudget(db, "gorgias", connection.baseUrl, budget()) };
}

const asRef = (ticket: { id: number; url: string }): TicketRef => ({ id: ticket.id, url: ticket.url });

export const gorgiasAdapter: DestinationAdapter = {
  id: "gorgias",
  needsConnection: true,
  followUp: { web_chat: "email", sms: "sms" },
  siteAddress: (site) => withoutScheme(gorgiasBaseUrl(site)),
  display: { onboardingSteps: 1, badgeClass: "bg-slate-800" },
  outbound: {
    budget,
    classify: classifyHelpdeskError,
    async findTicket(db, accountId, externalId) {
      const [found] = await findGorgiasTicketsByExternalId(await budgetedConnection(db, accountId), externalId);
      return found ? asRef(found) : null;
    },
    // Gorgias has no idempotency key: after an unknown outcome the ticket is looked up first.
    async createTicket(db, request, { mayExist }) {
      const connection = await budgetedConnection(db, request.accountId);
      if (mayExist) {
        const [existing] = await findGorgiasTicketsByExternalId(connection, request.externalId);
        if (existing) return asRef(existing);
      }
      const created = await createGorgiasTicket(connection, {
        customer: { email: request.requester.email, name: request.requester.name },
        subject: request.subject,
        messages: [{ bodyText: request.body, sentAt: request.sentAt }],
        tags: request.tags,
        externalId: request.externalId,
        // Replies go out on the shopper's channel; a test ticket stays on the API channel (nothing is sent).
        channel: request.followUp,
        phone: request.requester.phone ?? undefined,
      });
      return asRef(created);
    },
  },
};
