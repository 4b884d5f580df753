-- Knowledge search without a pending list: see knowledge_entries_search_idx in db/schema/knowledge.ts.
DROP INDEX "knowledge_entries_search_idx";--> statement-breakpoint
CREATE INDEX "knowledge_entries_search_idx" ON "knowledge_entries" USING gin ("search") WITH (fastupdate=false);