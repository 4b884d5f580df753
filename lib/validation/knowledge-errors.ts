/** Field error codes the editor shows (messages: knowledge.errors.*). */
export const knowledgeErrorCodes = [
  "question_short",
  "question_long",
  "variant_long",
  "variants_many",
  "answer_required",
  "answer_long",
  "link_invalid",
  "locale_invalid",
  "question_duplicate",
  "text_required",
  "text_long",
  "synonyms_long",
  "synonym_long",
  "forbidden",
  "not_found",
  "validation_failed",
  "internal",
] as const;
export type KnowledgeErrorCode = (typeof knowledgeErrorCodes)[number];
export const asKnowledgeError = (code?: string): KnowledgeErrorCode =>
  (knowledgeErrorCodes as readonly string[]).includes(code ?? "") ? (code as KnowledgeErrorCode) : "internal";
