import "server-only";
import type { Database } from "@/db/client";
import { bestKnowledgeMatch } from "@/db/queries/knowledge";

/**
 * The share of a question's words an entry must cover to be answered. Measured on the demo
 * knowledge: questions an entry is about cover 1.0 ("Do you accept PayPal?", "how long until my
 * order arrives"); near misses cover 0.5 or less ("Can I change my order?" vs. order tracking,
 * "Can I change the engraving on my order?" 0.33), and those go to the handoff rules.
 */
export const CONFIDENCE_THRESHOLD = 0.6;

/**
 * The built-in Customer Agent: an answer from the account's knowledge, or null when unsure. Each
 * entry is matched in its own language; `locale` (the conversation's) breaks ties.
 */
export async function findAnswer(db: Database, params: { accountId: string; text: string; locale: string }): Promise<string | null> {
  const match = await bestKnowledgeMatch(db, params);
  return match && match.coverage >= CONFIDENCE_THRESHOLD ? match.answer : null;
}
