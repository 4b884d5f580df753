import "server-only";
import type { Database } from "@/db/client";
import {
  createKnowledgeEntry,
  deleteKnowledgeEntry,
  findDuplicateQuestion,
  findKnowledgeEntry,
  knowledgeEntryIdTaken,
  listKnowledgeEntries,
  listSynonymGroups,
  replaceSynonymGroups,
  updateKnowledgeEntry,
  type KnowledgeEntryRow,
} from "@/db/queries/knowledge/entries";
import { findConversation, listMessages } from "@/db/queries/conversations";
import { AppError } from "@/lib/errors";
import { explainAnswer } from "@/lib/services/answerer";
import type { KnowledgeEntryInput } from "@/lib/validation/knowledge";

type Editor = { accountId: string; userId: string };

export function listEntries(db: Database, params: { accountId: string; q?: string; locale?: string; now?: Date }) {
  return listKnowledgeEntries(db, { ...params, now: params.now ?? new Date() });
}

async function refuseDuplicate(db: Database, accountId: string, input: { question: string; locale: string }, exceptId?: string) {
  if (await findDuplicateQuestion(db, { accountId, locale: input.locale, question: input.question, exceptId })) {
    throw new AppError("conflict", "Another entry asks this question in this language.", { question: ["question_duplicate"] });
  }
}

/** Creates or edits an entry; an admin or lead saving a draft publishes it unless asked not to. */
export async function saveEntry(db: Database, editor: Editor, input: KnowledgeEntryInput) {
  await refuseDuplicate(db, editor.accountId, input, input.id);
  const values = {
    question: input.question,
    variants: input.variants,
    answer: input.answer,
    link: input.link,
    locale: input.locale,
    status: input.publish ? ("published" as const) : ("draft" as const),
    updatedBy: editor.userId,
  };
  if (!input.id) return createKnowledgeEntry(db, { accountId: editor.accountId, values });
  const row = await updateKnowledgeEntry(db, { accountId: editor.accountId, id: input.id, values });
  if (!row) throw new AppError("not_found", "No such entry in this account.");
  return row;
}

export async function setEntryEnabled(db: Database, editor: Editor, params: { id: string; enabled: boolean }) {
  const row = await updateKnowledgeEntry(db, { accountId: editor.accountId, id: params.id, values: { enabled: params.enabled, updatedBy: editor.userId } });
  if (!row) throw new AppError("not_found", "No such entry in this account.");
  return row;
}

/** Deletes an entry and returns it whole, so Undo can put it back as it was. */
export async function deleteEntry(db: Database, editor: Editor, id: string) {
  const row = await deleteKnowledgeEntry(db, { accountId: editor.accountId, id });
  if (!row) throw new AppError("not_found", "No such entry in this account.");
  return row;
}

export type EntrySnapshot = Pick<KnowledgeEntryRow, "id" | "question" | "variants" | "answer" | "link" | "locale" | "enabled" | "status">;

/** Undo of a delete: the entry comes back with its id (so its answer history still counts), in the caller's account only. */
export async function restoreEntry(db: Database, editor: Editor, snapshot: EntrySnapshot) {
  if (await findKnowledgeEntry(db, { accountId: editor.accountId, id: snapshot.id })) return;
  if (await knowledgeEntryIdTaken(db, snapshot.id)) throw new AppError("not_found", "No such deleted entry in this account.");
  await refuseDuplicate(db, editor.accountId, snapshot);
  const { id, enabled, ...values } = snapshot;
  await createKnowledgeEntry(db, { accountId: editor.accountId, id, enabled, values: { ...values, updatedBy: editor.userId } });
}

/**
 * Save as answer: the shopper's question and the team's reply of an inbox conversation become a
 * draft entry (in the conversation's language) for an admin or lead to review; drafts never answer.
 * The question is the shopper's last message before the team's last reply, else the handoff reason.
 */
export async function draftFromConversation(db: Database, editor: Editor, conversationId: string) {
  const conversation = await findConversation(db, { accountId: editor.accountId, id: conversationId });
  if (!conversation) throw new AppError("not_found", "No such conversation in this account.");
  const messages = await listMessages(db, { accountId: editor.accountId, conversationId });
  const replyAt = messages.findLastIndex((m) => m.author === "human" && m.text);
  if (replyAt < 0) throw new AppError("validation_failed", "Nobody from the team has replied yet.", { conversationId: ["no_reply"] });
  const asked = messages.slice(0, replyAt).findLast((m) => m.author === "shopper" && m.text)?.text ?? conversation.reason ?? "";
  const question = asked.trim().slice(0, 300);
  if (question.length < 3) throw new AppError("validation_failed", "The shopper's question is missing.", { conversationId: ["no_question"] });
  const locale = conversation.locale;
  await refuseDuplicate(db, editor.accountId, { question, locale });
  const values = {
    question,
    variants: [],
    answer: messages[replyAt]!.text!.trim().slice(0, 2000),
    link: null,
    locale,
    status: "draft" as const,
    updatedBy: editor.userId,
  };
  return createKnowledgeEntry(db, { accountId: editor.accountId, values });
}

/** Try it: exactly what the agent would do with this question, and why. */
export async function tryQuestion(db: Database, params: { accountId: string; text: string; locale: string }) {
  const e = await explainAnswer(db, params);
  return {
    match: e.match,
    threshold: e.threshold,
    candidates: e.candidates.slice(0, 3).map((c) => ({ entryId: c.entryId, question: c.question, score: c.score, phrasing: c.phrasing, matches: c.matches })),
  };
}
export type TryItResult = Awaited<ReturnType<typeof tryQuestion>>;

export async function synonymsByLanguage(db: Database, accountId: string) {
  const rows = await listSynonymGroups(db, accountId);
  const out: Record<string, string[][]> = {};
  for (const r of rows) (out[r.locale] ??= []).push(r.words);
  return out;
}

export function saveSynonyms(db: Database, editor: Editor, params: { locale: string; groups: string[][] }) {
  return replaceSynonymGroups(db, { accountId: editor.accountId, ...params });
}
