import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { conversationEvents, conversations } from "@/db/schema/conversations";

export type Conversation = typeof conversations.$inferSelect;
export type NewEvent = Omit<typeof conversationEvents.$inferInsert, "accountId" | "conversationId" | "id">;

export async function insertConversation(db: Database, values: typeof conversations.$inferInsert): Promise<Conversation> {
  const [row] = await db.insert(conversations).values(values).returning();
  return row!;
}

export async function findConversation(db: Database, params: { accountId: string; id: string }): Promise<Conversation | null> {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.accountId, params.accountId), eq(conversations.id, params.id)))
    .limit(1);
  return rows[0] ?? null;
}

/** The row locked for this transaction: two requests on one conversation take turns. */
export async function lockConversation(db: Database, params: { accountId: string; id: string }): Promise<Conversation | null> {
  const rows = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.accountId, params.accountId), eq(conversations.id, params.id)))
    .for("update");
  return rows[0] ?? null;
}

export async function updateConversation(
  db: Database,
  params: { accountId: string; id: string },
  changes: Partial<Omit<typeof conversations.$inferInsert, "id" | "accountId">>,
) {
  await db
    .update(conversations)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(conversations.accountId, params.accountId), eq(conversations.id, params.id)));
}

export async function appendEvents(db: Database, conversation: { accountId: string; id: string }, events: NewEvent[]) {
  if (events.length === 0) return [];
  return db
    .insert(conversationEvents)
    .values(events.map((e) => ({ ...e, accountId: conversation.accountId, conversationId: conversation.id })))
    .returning();
}

export async function listEventsAfter(db: Database, params: { accountId: string; conversationId: string; after: number; limit?: number }) {
  return db
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.accountId, params.accountId),
        eq(conversationEvents.conversationId, params.conversationId),
        gt(conversationEvents.id, params.after),
      ),
    )
    .orderBy(asc(conversationEvents.id))
    .limit(params.limit ?? 200);
}

/** The transcript: messages only, in order. */
export async function listMessages(db: Database, params: { accountId: string; conversationId: string }) {
  return db
    .select({
      id: conversationEvents.id,
      author: conversationEvents.author,
      text: conversationEvents.text,
      at: conversationEvents.at,
      data: conversationEvents.data,
    })
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.accountId, params.accountId),
        eq(conversationEvents.conversationId, params.conversationId),
        eq(conversationEvents.type, "message"),
      ),
    )
    .orderBy(asc(conversationEvents.at), asc(conversationEvents.id));
}
