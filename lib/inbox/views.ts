import "server-only";
import type { Database } from "@/db/client";
import { countUnassignedOpen, listInbox, type InboxFilter } from "@/db/queries/inbox";
import { conversationEmails, repliesByEmail } from "@/lib/services/email-outbox";
import { openInboxConversation } from "@/lib/services/inbox";
import type { InboxConversationView, InboxRowView } from "./types";

type Viewer = { accountId: string; userId: string };

/**
 * What the inbox pages show, as plain JSON: the same shapes come from the server prefetch and
 * from /api/inbox/*, so React Query's hydrated data and its refetches are interchangeable.
 */
export async function inboxRows(db: Database, viewer: Viewer, filter: InboxFilter): Promise<InboxRowView[]> {
  const rows = await listInbox(db, { accountId: viewer.accountId, userId: viewer.userId, filter, limit: 100 });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null }));
}

export async function inboxConversation(db: Database, viewer: Viewer, conversationId: string): Promise<InboxConversationView | null> {
  const opened = await openInboxConversation(db, viewer, conversationId);
  if (!opened) return null;
  const { item, transcript } = opened;
  const outbox = repliesByEmail(item) ? await conversationEmails(db, { accountId: viewer.accountId, conversationId }) : null;
  return {
    item: {
      ...item,
      createdAt: item.createdAt.toISOString(),
      closedAt: item.closedAt?.toISOString() ?? null,
      claimedByMe: item.assigneeId === viewer.userId,
    },
    transcript: transcript.map((m) => ({
      author: m.author ?? "system",
      text: m.text,
      at: m.at.toISOString(),
      name: typeof m.data?.name === "string" ? m.data.name : null,
    })),
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

export async function inboxUnassigned(db: Database, viewer: Viewer): Promise<{ unassigned: number }> {
  return { unassigned: await countUnassignedOpen(db, viewer.accountId) };
}
