import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const rows = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

export type LatestAnswer = {
  eventId: number;
  knowledgeEntryId: string;
  /** The shopper's message the answer replied to. */
  question: string | null;
  /** The shopper's verdict on this answer, when already given. */
  helpful: boolean | null;
};

/** The conversation's latest answer from the knowledge, the question before it, and any verdict on it, in one round trip. */
export async function findLatestAnswer(db: Database, params: { accountId: string; conversationId: string }): Promise<LatestAnswer | null> {
  const result = await db.execute(sql`
    with answer as (
      select id, data->>'knowledgeEntryId' as entry from conversation_events
      where account_id = ${params.accountId} and conversation_id = ${params.conversationId} and author = 'assistant' and data ? 'knowledgeEntryId'
      order by id desc limit 1
    )
    select a.id::float8 as "eventId", a.entry as "knowledgeEntryId",
      (select q.text from conversation_events q
        where q.conversation_id = ${params.conversationId} and q.id < a.id and q.type = 'message' and q.author = 'shopper'
        order by q.id desc limit 1) as question,
      (select (f.data->>'helpful')::boolean from conversation_events f
        where f.conversation_id = ${params.conversationId} and f.id > a.id and f.type = 'answer_feedback'
        order by f.id limit 1) as helpful
    from answer a`);
  return rows<LatestAnswer>(result)[0] ?? null;
}
