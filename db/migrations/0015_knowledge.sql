-- Knowledge entries get variants, a link, on/off, drafts and who changed them; accounts get
-- synonym groups per language. `search` now holds the question's and the variants' lexemes only.
-- An array's words joined by spaces, immutable so generated columns can use it (array_to_string
-- is only stable in general; for text[] it is not).
CREATE FUNCTION baton_join_words(words text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_to_string(words, ' '), '')
$$;--> statement-breakpoint
CREATE TABLE "knowledge_synonyms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"words" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "knowledge_entries_account_idx";--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "variants" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" drop column "search";--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector(baton_text_search_config("knowledge_entries"."locale"), "knowledge_entries"."question" || ' ' || baton_join_words("knowledge_entries"."variants"))) STORED;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "lexeme_count" integer GENERATED ALWAYS AS (length(to_tsvector(baton_text_search_config("knowledge_entries"."locale"), "knowledge_entries"."question" || ' ' || baton_join_words("knowledge_entries"."variants")))) STORED;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "enabled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "knowledge_synonyms" ADD CONSTRAINT "knowledge_synonyms_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_synonyms_account_idx" ON "knowledge_synonyms" USING btree ("account_id","locale");--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD CONSTRAINT "knowledge_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_entries_search_idx" ON "knowledge_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_entries_account_idx" ON "knowledge_entries" USING btree ("account_id","locale","lexeme_count");--> statement-breakpoint
CREATE INDEX "conversation_events_knowledge_idx" ON "conversation_events" USING btree (("data"->>'knowledgeEntryId'),"at") WHERE "conversation_events"."data" ? 'knowledgeEntryId';
