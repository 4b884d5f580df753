import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/accounts";
import { conversationEvents, conversations } from "@/db/schema/conversations";
import { knowledgeEntries, knowledgeSynonyms } from "@/db/schema/knowledge";

export type KnowledgeEntryRow = typeof knowledgeEntries.$inferSelect;
type EntryValues = Pick<KnowledgeEntryRow, "question" | "variants" | "answer" | "link" | "locale" | "status"> & { updatedBy: string | null };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The account's entries for the Knowledge tab, drafts first then by question, with who changed
 * each and, over the last 30 days (answer events record their entry, found through
 * conversation_events_knowledge_idx): how often it answered, how often the shopper confirmed it
 * helped, and in how many of its conversations the shopper still reached the team (routed in
 * that conversation, or handed off later: durable resolution).
 */
export async function listKnowledgeEntries(db: Database, params: { accountId: string; q?: string; locale?: string; now: Date }) {
  const since = new Date(params.now.getTime() - 30 * 86_400_000);
  const events = (where: SQL) =>
    sql`from ${conversationEvents} ev where ev.data ? 'knowledgeEntryId' and ev.data->>'knowledgeEntryId' = ${knowledgeEntries.id}::text and ev.at >= ${since.toISOString()} and ev.account_id = ${params.accountId} and ${where}`;
  const answers = sql<number>`(select count(*)::int ${events(sql`ev.author = 'assistant'`)})`;
  const helpful = sql<number>`(select count(*)::int ${events(sql`ev.type = 'answer_feedback' and ev.data->>'helpful' = 'true'`)})`;
  const handedOff = sql<number>`(select count(distinct ev.conversation_id)::int ${events(
    sql`ev.author = 'assistant' and exists (select 1 from ${conversations} c where c.id = ev.conversation_id and (c.status = 'routed' or c.handed_off_later))`,
  )})`;
  const pattern = params.q ? `%${escapeLike(params.q)}%` : null;
  return db
    .select({
      id: knowledgeEntries.id,
      question: knowledgeEntries.question,
      variants: knowledgeEntries.variants,
      answer: knowledgeEntries.answer,
      link: knowledgeEntries.link,
      locale: knowledgeEntries.locale,
      enabled: knowledgeEntries.enabled,
      status: knowledgeEntries.status,
      updatedAt: knowledgeEntries.updatedAt,
      updatedByName: users.name,
      answers30: answers,
      helpful30: helpful,
      handedOff30: handedOff,
    })
    .from(knowledgeEntries)
    .leftJoin(users, eq(users.id, knowledgeEntries.updatedBy))
    .where(
      and(
        eq(knowledgeEntries.accountId, params.accountId),
        params.locale ? eq(knowledgeEntries.locale, params.locale) : undefined,
        pattern
          ? or(
              ilike(knowledgeEntries.question, pattern),
              ilike(knowledgeEntries.answer, pattern),
              sql`baton_join_words(${knowledgeEntries.variants}) ilike ${pattern}`,
            )
          : undefined,
      ),
    )
    .orderBy(desc(sql`${knowledgeEntries.status} = 'draft'`), asc(knowledgeEntries.question))
    .limit(500);
}

export async function findKnowledgeEntry(db: Database, params: { accountId: string; id: string }) {
  const [row] = await db
    .select()
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.accountId, params.accountId), eq(knowledgeEntries.id, params.id)));
  return row ?? null;
}

/** Whether an entry id exists in any account (an Undo snapshot must not name another account's entry). */
export async function knowledgeEntryIdTaken(db: Database, id: string) {
  const [row] = await db.select({ id: knowledgeEntries.id }).from(knowledgeEntries).where(eq(knowledgeEntries.id, id));
  return Boolean(row);
}

/** Another entry of the account asking the same question in the same language (case and spacing ignored). */
export async function findDuplicateQuestion(db: Database, params: { accountId: string; locale: string; question: string; exceptId?: string }) {
  const [row] = await db
    .select({ id: knowledgeEntries.id })
    .from(knowledgeEntries)
    .where(
      and(
        eq(knowledgeEntries.accountId, params.accountId),
        eq(knowledgeEntries.locale, params.locale),
        sql`lower(regexp_replace(${knowledgeEntries.question}, '\\s+', ' ', 'g')) = lower(regexp_replace(${params.question}, '\\s+', ' ', 'g'))`,
        params.exceptId ? sql`${knowledgeEntries.id} <> ${params.exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function createKnowledgeEntry(db: Database, params: { accountId: string; id?: string; enabled?: boolean; values: EntryValues }) {
  const [row] = await db
    .insert(knowledgeEntries)
    .values({ ...params.values, accountId: params.accountId, ...(params.id ? { id: params.id } : {}), enabled: params.enabled ?? true })
    .returning();
  return row!;
}

export async function updateKnowledgeEntry(db: Database, params: { accountId: string; id: string; values: Partial<EntryValues> & { enabled?: boolean } }) {
  const [row] = await db
    .update(knowledgeEntries)
    .set({ ...params.values, updatedAt: new Date() })
    .where(and(eq(knowledgeEntries.accountId, params.accountId), eq(knowledgeEntries.id, params.id)))
    .returning();
  return row ?? null;
}

export async function deleteKnowledgeEntry(db: Database, params: { accountId: string; id: string }) {
  const [row] = await db
    .delete(knowledgeEntries)
    .where(and(eq(knowledgeEntries.accountId, params.accountId), eq(knowledgeEntries.id, params.id)))
    .returning();
  return row ?? null;
}

export async function listSynonymGroups(db: Database, accountId: string) {
  return db
    .select({ locale: knowledgeSynonyms.locale, words: knowledgeSynonyms.words })
    .from(knowledgeSynonyms)
    .where(eq(knowledgeSynonyms.accountId, accountId))
    .orderBy(asc(knowledgeSynonyms.locale), asc(knowledgeSynonyms.createdAt), asc(knowledgeSynonyms.id));
}

/** Replaces a language's synonym groups, in the order given (the first word names a group). */
export async function replaceSynonymGroups(db: Database, params: { accountId: string; locale: string; groups: string[][] }) {
  await db.transaction(async (tx) => {
    await tx.delete(knowledgeSynonyms).where(and(eq(knowledgeSynonyms.accountId, params.accountId), eq(knowledgeSynonyms.locale, params.locale)));
    const base = Date.now();
    if (params.groups.length > 0) {
      await tx
        .insert(knowledgeSynonyms)
        .values(params.groups.map((words, i) => ({ accountId: params.accountId, locale: params.locale, words, createdAt: new Date(base + i) })));
    }
  });
}
