import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import type { HelpdeskProvider } from "@/db/schema/helpdesk-connections";
import { AppError } from "@/lib/errors";
import { createGorgiasTicket } from "@/lib/helpdesks/gorgias";
import { isHelpdeskError } from "@/lib/helpdesks/request";
import { createZendeskTicket } from "@/lib/helpdesks/zendesk";
import { gorgiasConnectionFor, zendeskConnectionFor } from "@/lib/services/helpdesk-credentials";

/**
 * Creates a real ticket in the connected helpdesk, requested by the admin who asked for it and
 * tagged so it is easy to find and delete. Zendesk gets it as an internal note (nothing is
 * emailed); Gorgias gets it with sent_datetime set (nothing is sent).
 */
export async function sendTestTicket(
  db: Database,
  actor: { accountId: string; email: string; name: string },
  provider: HelpdeskProvider,
  text: { subject: string; body: string },
) {
  const externalId = `baton-test-${randomUUID()}`;
  const tags = ["baton", "baton_test"];
  try {
    if (provider === "zendesk") {
      const connection = await zendeskConnectionFor(db, actor.accountId);
      return await createZendeskTicket(connection, {
        requester: { name: actor.name, email: actor.email },
        subject: text.subject,
        comment: { body: text.body, public: false },
        tags,
        externalId,
        idempotencyKey: externalId,
      });
    }
    const connection = await gorgiasConnectionFor(db, actor.accountId);
    return await createGorgiasTicket(connection, {
      customer: { email: actor.email, name: actor.name },
      subject: text.subject,
      messages: [{ bodyText: text.body, sentAt: new Date() }],
      tags,
      externalId,
    });
  } catch (error) {
    if (isHelpdeskError(error)) throw new AppError("helpdesk_failed", error.kind);
    throw error;
  }
}
