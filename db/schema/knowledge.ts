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
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${knowledgeEntries.question}), 'A') || setweight(to_tsvector('english', ${knowledgeEntries.answer}), 'B')`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("knowledge_entries_search_idx").using("gin", t.search), index("knowledge_entries_account_idx").on(t.accountId)],
);
