import "server-only";
import type { Database } from "@/db/client";
import { createKnowledgeEntry, findKnowledgeEntry, updateKnowledgeEntry } from "@/db/queries/knowledge/entries";
import { unansweredWordings } from "@/db/queries/conversations/knowledge-replay";
import { AppError } from "@/lib/errors";
import { findAnswer } from "@/lib/services/answerer";
import type { KnowledgeReplayInput } from "@/lib/validation/knowledge";

/** Distinct wordings replayed at most: the most asked ones, so a click stays within a few seconds. */
const REPLAY_LIMIT = 300;

class Rollback extends Error {}

/**
 * What an entry being written would have done: the answerer replayed over the range's unanswered
 * questions with the entry as it stands in the editor (created, or edited in place, inside a
 * transaction that is always rolled back). Counts the questions it would have answered itself.
 */
export async function replayEntry(db: Database, params: { accountId: string; input: KnowledgeReplayInput; now?: Date }) {
  const { input } = params;
  const since = new Date((params.now ?? new Date()).getTime() - input.days * 86_400_000);
  const { wordings, total } = await unansweredWordings(db, { accountId: params.accountId, since, limit: REPLAY_LIMIT });
  let answered = 0;
  const examples: string[] = [];
  const values = { question: input.question, variants: input.variants, answer: input.answer, link: null, locale: input.locale, status: "published" as const };
  try {
    await db.transaction(async (tx) => {
      if (input.id && !(await findKnowledgeEntry(tx, { accountId: params.accountId, id: input.id }))) throw new AppError("not_found", "No such entry.");
      const entryId = input.id
        ? (await updateKnowledgeEntry(tx, { accountId: params.accountId, id: input.id, values: { ...values, enabled: true } }), input.id)
        : (await createKnowledgeEntry(tx, { accountId: params.accountId, values: { ...values, updatedBy: null } })).id;
      for (const w of wordings) {
        const match = await findAnswer(tx, { accountId: params.accountId, text: w.reason, locale: w.locale });
        if (match?.entryId !== entryId) continue;
        answered += w.n;
        if (examples.length < 3) examples.push(w.reason);
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return { answered, total, days: input.days, examples };
}
