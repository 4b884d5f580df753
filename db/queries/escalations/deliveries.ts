import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { forwardedIfFailed } from "@/db/queries/escalations";
import { conversations } from "@/db/schema/conversations";
import { escalations, type escalationStatusEnum } from "@/db/schema/escalations";

// The deliveries list of the Integrations page: escalations to outside destinations, by the status
// a merchant reads (a queued job with an error is retrying), failed and retrying first.

type Destination = (typeof escalations.$inferSelect)["destination"];
export const deliveryStatuses = ["failed", "retrying", "queued", "delivered"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** The status a merchant reads, as SQL (in_inbox never reaches this list). */
const shownStatus = sql<DeliveryStatus>`case when ${escalations.status} = 'queued' then (case when ${escalations.lastError} is null then 'queued' else 'retrying' end) else ${escalations.status}::text end`;
const statusOrder = sql`case ${shownStatus} when 'failed' then 0 when 'retrying' then 1 when 'queued' then 2 else 3 end`;

const statusIs = (status: DeliveryStatus): SQL => {
  const queued = eq(escalations.status, "queued" satisfies (typeof escalationStatusEnum.enumValues)[number]);
  if (status === "retrying") return and(queued, sql`${escalations.lastError} is not null`)!;
  if (status === "queued") return and(queued, sql`${escalations.lastError} is null`)!;
  return eq(escalations.status, status);
};

/** One page of the account's deliveries to the given destinations, optionally of one status. */
export async function listDeliveryPage(
  db: Database,
  params: { accountId: string; destinations: Destination[]; status: DeliveryStatus | null; limit: number; offset: number },
) {
  return db
    .select({
      id: escalations.id,
      conversationId: escalations.conversationId,
      destination: escalations.destination,
      status: shownStatus,
      attempts: escalations.attempts,
      lastError: escalations.lastError,
      nextAttemptAt: escalations.nextAttemptAt,
      externalTicketId: escalations.externalTicketId,
      externalUrl: escalations.externalUrl,
      createdAt: escalations.createdAt,
      shopperEmail: conversations.shopperEmail,
      shopperPhone: conversations.shopperPhone,
      reason: conversations.reason,
    })
    .from(escalations)
    .innerJoin(conversations, eq(conversations.id, escalations.conversationId))
    .where(
      and(
        eq(escalations.accountId, params.accountId),
        inArray(escalations.destination, params.destinations),
        params.status ? statusIs(params.status) : undefined,
      ),
    )
    .orderBy(statusOrder, desc(escalations.createdAt), desc(escalations.id))
    .limit(params.limit)
    .offset(params.offset);
}

/** How many deliveries are in each status, per destination. */
export async function countDeliveries(db: Database, params: { accountId: string; destinations: Destination[] }) {
  return db
    .select({ destination: escalations.destination, status: shownStatus, n: count() })
    .from(escalations)
    .where(and(eq(escalations.accountId, params.accountId), inArray(escalations.destination, params.destinations)))
    .groupBy(escalations.destination, shownStatus);
}

/** "Retry all failed" for one destination: every failed delivery is due at once, with a new retry window. */
export async function requeueFailed(db: Database, params: { accountId: string; destination: Destination; now?: Date }) {
  const now = params.now ?? new Date();
  const rows = await db
    .update(escalations)
    .set({ status: "queued", closedAs: forwardedIfFailed, nextAttemptAt: now, retryUntil: null, updatedAt: now })
    .where(and(eq(escalations.accountId, params.accountId), eq(escalations.destination, params.destination), eq(escalations.status, "failed")))
    .returning({ id: escalations.id });
  return rows.length;
}
