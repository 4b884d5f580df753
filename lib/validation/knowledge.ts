import { z } from "zod";
import { shopperLocales } from "@/lib/i18n/shopper-locales";

// The Knowledge tab's inputs: one schema per form, shared by the form, the action and the tests.

export const QUESTION_MAX = 300;
export const ANSWER_MAX = 2000;
export const VARIANTS_MAX = 20;
export const LINK_MAX = 500;

const lines = (value: string) =>
  value
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

export const knowledgeEntrySchema = z.object({
  /** Absent for a new entry. */
  id: z.uuid().optional(),
  question: z.string().trim().min(3, { error: "question_short" }).max(QUESTION_MAX, { error: "question_long" }),
  /** One other wording per line. */
  variants: z
    .string()
    .default("")
    .transform(lines)
    .pipe(z.array(z.string().max(QUESTION_MAX, { error: "variant_long" })).max(VARIANTS_MAX, { error: "variants_many" })),
  answer: z.string().trim().min(1, { error: "answer_required" }).max(ANSWER_MAX, { error: "answer_long" }),
  link: z
    .string()
    .trim()
    .max(LINK_MAX, { error: "link_invalid" })
    .refine((v) => v === "" || /^https:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: "link_invalid" })
    .transform((v) => v || null),
  locale: z.enum(shopperLocales, { error: "locale_invalid" }),
  /** Publishing a draft (saved from an inbox reply) makes it answer. */
  publish: z.stringbool().default(true),
});
export type KnowledgeEntryInput = z.infer<typeof knowledgeEntrySchema>;

export const knowledgeEntryIdSchema = z.object({ id: z.uuid() });
export const conversationIdSchema = z.object({ conversationId: z.uuid() });
export const knowledgeToggleSchema = z.object({ id: z.uuid(), enabled: z.stringbool() });

/** A deleted entry, sent back by Undo (as the delete answered it), checked like a saved one. */
export const knowledgeRestoreSchema = z.object({
  snapshot: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "validation_failed" });
        return z.NEVER;
      }
    })
    .pipe(
      z.object({
        id: z.uuid(),
        question: z.string().trim().min(3).max(QUESTION_MAX),
        variants: z.array(z.string().max(QUESTION_MAX)).max(VARIANTS_MAX),
        answer: z.string().trim().min(1).max(ANSWER_MAX),
        link: z
          .string()
          .max(LINK_MAX)
          .regex(/^https:\/\//i)
          .nullable(),
        locale: z.enum(shopperLocales),
        enabled: z.boolean(),
        status: z.enum(["published", "draft"]),
      }),
    ),
});

export const tryItSchema = z.object({
  text: z.string().trim().min(1, { error: "text_required" }).max(500, { error: "text_long" }),
  locale: z.enum(shopperLocales, { error: "locale_invalid" }),
});

/** Synonym groups of one language: one group a line, words separated by commas. */
export const synonymsSchema = z.object({
  locale: z.enum(shopperLocales, { error: "locale_invalid" }),
  groups: z
    .string()
    .max(10_000, { error: "synonyms_long" })
    .transform((v) =>
      lines(v)
        .map((l) =>
          l
            .split(",")
            .map((w) => w.trim())
            .filter(Boolean),
        )
        .filter((g) => g.length >= 2),
    )
    .pipe(z.array(z.array(z.string().max(60, { error: "synonym_long" })).max(40)).max(200, { error: "synonyms_long" })),
});

export const knowledgeFilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  lang: z.enum(shopperLocales).optional().catch(undefined),
});

// The editor's error codes live without zod, so the Knowledge tab's client components (which
// read them) do not bring zod's 32 KB to the browser.
export { asKnowledgeError, knowledgeErrorCodes, type KnowledgeErrorCode } from "@/lib/validation/knowledge-errors";

/** An entry as the Knowledge tab shows it (client components import types from here). */
export type KnowledgeEntryView = {
  id: string;
  question: string;
  variants: string[];
  answer: string;
  link: string | null;
  locale: string;
  enabled: boolean;
  status: "published" | "draft";
  updatedAt: string;
  /** When it changed, already written relative to now ("5 minutes ago"). */
  changed: string;
  updatedByName: string | null;
  answers30: number;
  /** Of those, confirmed helpful by the shopper ("Did that answer your question?"). */
  helpful30: number;
  /** Conversations it answered that still reached the team (same conversation, or handed off later). */
  handedOff30: number;
};

/** What Try it shows: the answer and its entry with the score, or the handoff, and why. */
export type TryItView = {
  text: string;
  match: { entryId: string; question: string; answer: string; link: string | null; score: number } | null;
  threshold: number;
  candidates: Array<{
    entryId: string;
    question: string;
    score: number;
    phrasing: string;
    matches: Array<{ word: string; how: "exact" | "synonym" | "typo" | "answer" | "none"; to: string | null }>;
  }>;
};

/** Durable resolution's window: from an hour to a month. */
export const resolutionWindowSchema = z.object({ hours: z.coerce.number().int().min(1).max(720) });

/** "Not a knowledge gap" and its restore: the group's key and its leading wording, as the overview sent them. */
export const gapDismissSchema = z.object({ key: z.string().trim().min(1).max(2000), question: z.string().trim().min(1).max(300) });
export const gapRestoreSchema = z.object({ key: z.string().trim().min(1).max(2000) });

/** "Check against unanswered questions": the editor's entry as typed, and the range in days. */
export const knowledgeReplaySchema = knowledgeEntrySchema.pick({ question: true, variants: true, answer: true, locale: true }).extend({
  id: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export type KnowledgeReplayInput = z.infer<typeof knowledgeReplaySchema>;
export type KnowledgeReplayView = { answered: number; total: number; days: number; examples: string[] };
