import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { recordTestTicket } from "@/db/queries/helpdesk-connections";
import { AppError } from "@/lib/errors";
import type { DestinationId } from "@/lib/helpdesks/adapter";
import { destinationAdapter } from "@/lib/helpdesks/registry";

/**
 * Creates a real ticket in the connected destination, requested by the admin who asked for it
 * and tagged so it is easy to find and delete. It carries no follow-up channel, so destinations
 * create it without sending anything out (an internal note, a message marked as already sent).
 * The last one is kept on the connection, so the card links to it after a reload.
 */
export async function sendTestTicket(
  db: Database,
  actor: { accountId: string; email: string; name: string },
  destination: DestinationId,
  text: { subject: string; body: string },
) {
  const { outbound } = destinationAdapter(destination);
  if (!outbound) throw new AppError("validation_failed", "not_connected");
  const externalId = `baton-test-${randomUUID()}`;
  try {
    const ticket = await outbound.createTicket(
      db,
      {
        accountId: actor.accountId,
        idempotencyKey: externalId,
        externalId,
        requester: { name: actor.name, email: actor.email, phone: null },
        subject: text.subject,
        body: text.body,
        tags: ["baton", "baton_test"],
        sentAt: new Date(),
      },
      { mayExist: false },
    );
    if (destination !== "baton_inbox")
      await recordTestTicket(db, { accountId: actor.accountId, provider: destination, id: String(ticket.id), url: ticket.url });
    return { id: ticket.id, url: ticket.url };
  } catch (error) {
    const failure = outbound.classify(error);
    if (failure) throw new AppError("helpdesk_failed", failure.reason);
    throw error;
  }
}
