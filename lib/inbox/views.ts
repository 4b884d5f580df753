import "server-only";
import type { Database } from "@/db/client";
import { countUnassignedOpen, listInbox, type InboxCursor, type InboxFilter } from "@/db/queries/escalations/inbox";
import { conversationEmails, repliesByEmail } from "@/lib/services/email-outbox";
import { openInboxConversation } from "@/lib/services/inbox";
import type { InboxConversationView, InboxPage, InboxRowView, MessageDelivery } from "./types";
import { asDestinationId } from "@/lib/helpdesks/registry";

type Viewer = { accountId: string; userId: string };

/**
 * What the inbox pages show, as plain JSON: the same shapes come from the server prefetch and
 * from /api/inbox/*, so React Query's hydrated data and its refetches are interchangeable.
 */
/** Rows per page of an inbox list. */
export const inboxPageSize = 100;

type ItemRow = Omit<InboxRowView, "createdAt" | "closedAt" | "firstHumanReplyAt" | "shopperRepliedAt" | "destination"> & {
  destination: string;
  createdAt: Date;
  closedAt: Date | null;
  firstHumanReplyAt: Date | null;
  shopperRepliedAt: Date | null;
};
const rowView = (r: ItemRow): InboxRowView => ({
  ...r,
  destination: asDestinationId(r.destination),
  createdAt: r.createdAt.toISOString(),
  shopperRepliedAt: r.shopperRepliedAt?.toISOString() ?? null,
  closedAt: r.closedAt?.toISOString() ?? null,
  firstHumanReplyAt: r.firstHumanReplyAt?.toISOString() ?? null,
});

/** One page of a view after the cursor; `nextCursor` is null on the last page. */
export async function inboxRows(db: Database, viewer: Viewer, filter: InboxFilter, after?: InboxCursor, pageSize = inboxPageSize): Promise<InboxPage> {
  const rows = await listInbox(db, { accountId: viewer.accountId, userId: viewer.userId, filter, after, limit: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorAt: _, ...r }) => rowView(r)),
    nextCursor: rows.length > pageSize && last ? `${last.cursorAt}_${last.escalationId}` : null,
  };
}

export async function inboxConversation(db: Database, viewer: Viewer, conversationId: string): Promise<InboxConversationView | null> {
  const opened = await openInboxConversation(db, viewer, conversationId);
  if (!opened) return null;
  const { item, transcript } = opened;
  const outbox = repliesByEmail(item) ? await conversationEmails(db, { accountId: viewer.accountId, conversationId }) : null;
  const emailOf = new Map((outbox?.emails ?? []).map((e) => [e.eventId, e]));
  return {
    item: { ...rowView(item), claimedByMe: item.assigneeId === viewer.userId },
    transcript: transcript.map((m) => {
      const email = emailOf.get(m.id);
      return {
        author: m.author ?? "system",
        text: m.text,
        at: m.at.toISOString(),
        name: typeof m.data?.name === "string" ? m.data.name : null,
        channel: m.data?.channel === "email" || email ? "email" : item.channel === "sms" ? "sms" : "chat",
        delivery: email ? deliveryOf(email, outbox!.canSend) : null,
        attachments: Array.isArray(m.data?.attachments)
          ? (m.data.attachments as Array<{ filename: string; size: number }>).map(({ filename, size }) => ({ filename, size }))
          : [],
      };
    }),
    email: outbox && {
      canSend: outbox.canSend,
      emails: outbox.emails.map((e) => ({
        id: e.id,
        status: e.status,
        toAddress: e.toAddress,
        subject: e.subject,
        body: e.body,
        attempts: e.attempts,
        lastError: e.lastError,
        createdAt: e.createdAt.toISOString(),
        sentAt: e.sentAt?.toISOString() ?? null,
        nextAttemptAt: e.nextAttemptAt.toISOString(),
      })),
    },
  };
}

/** An emailed reply's state as the conversation shows it beside the reply. */
function deliveryOf(email: { status: "queued" | "sent" | "failed"; lastError: string | null; bouncedAt: Date | null }, canSend: boolean): MessageDelivery {
  if (email.bouncedAt) return "bounced";
  if (email.status !== "queued") return email.status;
  return !canSend ? "recorded" : email.lastError ? "retrying" : "queued";
}

export async function inboxUnassigned(db: Database, viewer: Viewer): Promise<{ unassigned: number }> {
  return { unassigned: await countUnassignedOpen(db, viewer.accountId) };
}
