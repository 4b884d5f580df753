-- Text search per shopper language, accents ignored. Each baton_<language> configuration drops
-- the language's stop words first (a `simple` dictionary over its stop list that passes other
-- words on), then removes accents (unaccent), then stems: so "não"/"é" still count as stop words
-- and "devolução" and "devolucao" give the same stem. unaccent is a trusted extension in
-- PostgreSQL and one of PGlite's contrib extensions (loaded in db/client.ts).
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY baton_english_stop (TEMPLATE = simple, STOPWORDS = english, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION baton_english (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION baton_english ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH baton_english_stop, unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY baton_portuguese_stop (TEMPLATE = simple, STOPWORDS = portuguese, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION baton_portuguese (COPY = portuguese);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION baton_portuguese ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH baton_portuguese_stop, unaccent, portuguese_stem;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY baton_spanish_stop (TEMPLATE = simple, STOPWORDS = spanish, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION baton_spanish (COPY = spanish);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION baton_spanish ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH baton_spanish_stop, unaccent, spanish_stem;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY baton_french_stop (TEMPLATE = simple, STOPWORDS = french, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION baton_french (COPY = french);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION baton_french ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH baton_french_stop, unaccent, french_stem;--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY baton_german_stop (TEMPLATE = simple, STOPWORDS = german, ACCEPT = false);--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION baton_german (COPY = german);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION baton_german ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH baton_german_stop, unaccent, german_stem;--> statement-breakpoint
-- A shopper locale's text search configuration (English for anything else). Immutable: generated
-- columns use it.
CREATE FUNCTION baton_text_search_config(locale text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE locale
    WHEN 'en' THEN 'baton_english'::regconfig
    WHEN 'pt-BR' THEN 'baton_portuguese'::regconfig
    WHEN 'es' THEN 'baton_spanish'::regconfig
    WHEN 'fr' THEN 'baton_french'::regconfig
    WHEN 'de' THEN 'baton_german'::regconfig
    ELSE 'baton_english'::regconfig
  END
$$;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "shopper_locale" text;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" drop column "reason_stems";--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "reason_stems" text[] GENERATED ALWAYS AS (tsvector_to_array(to_tsvector(baton_text_search_config(locale), coalesce(reason, '')))) STORED;--> statement-breakpoint
ALTER TABLE "knowledge_entries" drop column "search";--> statement-breakpoint
ALTER TABLE "knowledge_entries" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(baton_text_search_config("knowledge_entries"."locale"), "knowledge_entries"."question"), 'A') || setweight(to_tsvector(baton_text_search_config("knowledge_entries"."locale"), "knowledge_entries"."answer"), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "knowledge_entries_search_idx" ON "knowledge_entries" USING gin ("search");--> statement-breakpoint
-- Texts merchants write, per shopper language (the main columns hold the account language's).
ALTER TABLE "business_hours" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "handoff_settings" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;
