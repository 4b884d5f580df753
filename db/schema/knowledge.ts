import { sql, type SQL } from "drizzle-orm";
import { customType, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accountIdColumn } from "./accounts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Question-and-answer pairs the built-in answerer searches (PostgreSQL full-text search). */
export const knowledgeEntries = pgTable(
  "knowledge_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: accountIdColumn(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    /** The entry's language (a shopper locale): it is searched with that language's stemmer, accents ignored. */
    locale: text("locale").notNull().default("en"),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector(baton_text_search_config(${knowledgeEntries.locale}), ${knowledgeEntries.question}), 'A') || setweight(to_tsvector(baton_text_search_config(${knowledgeEntries.locale}), ${knowledgeEntries.answer}), 'B')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("knowledge_entries_search_idx").using("gin", t.search), index("knowledge_entries_account_idx").on(t.accountId)],
);
