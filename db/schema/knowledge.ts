import { sql, type SQL } from "drizzle-orm";
import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn, users } from "./accounts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Question-and-answer pairs the built-in answerer searches. `variants` are other ways shoppers
 * ask the same question; `search` holds the question's and the variants' lexemes (the entry's
 * language: baton_text_search_config), not the answer's, so a word every answer mentions does
 * not make every entry a candidate.
 */
export const knowledgeEntries = pgTable(
  "knowledge_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    question: text("question").notNull(),
    variants: text("variants")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    answer: text("answer").notNull(),
    /** An optional https link shown with the answer. */
    link: text("link"),
    /** The entry's language (a shopper locale): it is searched with that language's stemmer, accents ignored. */
    locale: text("locale").notNull().default("en"),
    /** Off: kept but never used to answer. */
    enabled: boolean("enabled").notNull().default(true),
    /** `draft`: proposed (e.g. saved from an inbox reply), waiting for an admin or lead. */
    status: text("status", { enum: ["published", "draft"] })
      .notNull()
      .default("published"),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector(baton_text_search_config(${knowledgeEntries.locale}), ${knowledgeEntries.question} || ' ' || baton_join_words(${knowledgeEntries.variants}))`,
    ),
    /** How many lexemes `search` holds: candidates are read shortest first (see knowledgeCandidates). */
    lexemeCount: integer("lexeme_count").generatedAlwaysAs(
      (): SQL =>
        sql`length(to_tsvector(baton_text_search_config(${knowledgeEntries.locale}), ${knowledgeEntries.question} || ' ' || baton_join_words(${knowledgeEntries.variants})))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    // No pending list (fastupdate off): a batch of new entries below autovacuum's threshold would
    // otherwise sit unindexed and be read in full by every shopper's question until the next
    // vacuum. Knowledge is written rarely and searched on every message.
    index("knowledge_entries_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("knowledge_entries_account_idx").on(t.accountId, t.locale, t.lexemeCount),
  ],
);

/**
 * Words an account's shoppers use for the same thing, per language ("refund", "money back",
 * "return"): the answerer reads every word of a group as the group's first.
 */
export const knowledgeSynonyms = pgTable(
  "knowledge_synonyms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    locale: text("locale").notNull(),
    words: text("words").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("knowledge_synonyms_account_idx").on(t.accountId, t.locale)],
);

/**
 * Knowledge gaps a lead marked "Not a knowledge gap" (e.g. "I want to talk to a human"): the
 * overview leaves the group out of its list until restored. `groupKey` is the group's stems
 * (lib/overview/question-groups.ts), so other wordings of it stay dismissed too.
 */
export const knowledgeGapDismissals = pgTable(
  "knowledge_gap_dismissals",
  {
    accountId: accountIdColumn(),
    groupKey: text("group_key").notNull(),
    /** The group's leading wording when it was dismissed, to list it. */
    question: text("question").notNull(),
    dismissedBy: uuid("dismissed_by").references(() => users.id, { onDelete: "set null" }),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.groupKey] })],
);
