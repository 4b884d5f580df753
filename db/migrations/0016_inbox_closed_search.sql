-- Inbox search reads emails and message texts by any part of them: trigram indexes (pg_trgm ships
-- with PostgreSQL and is one of PGlite's contrib extensions, loaded in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."inbox_closed_as" AS ENUM('agent', 'forwarded');--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "closed_as" "inbox_closed_as";--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "last_test_ticket_id" text;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "last_test_ticket_url" text;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "last_test_ticket_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_events_text_trgm_idx" ON "conversation_events" USING gin ("text" gin_trgm_ops) WHERE "conversation_events"."type" = 'message';--> statement-breakpoint
CREATE INDEX "conversations_shopper_email_trgm_idx" ON "conversations" USING gin ("shopper_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "escalations_closed_idx" ON "escalations" USING btree ("account_id","closed_at","id") WHERE "escalations"."closed_at" is not null;--> statement-breakpoint
-- Conversations closed before this migration were closed by an agent; who it was is read back
-- from the closing event's name, among the account's members.
UPDATE "escalations" e SET "closed_as" = 'agent', "closed_by" = (
  SELECT u."id" FROM "conversation_events" ev
  JOIN "users" u ON u."name" = ev."data"->>'closedBy'
  JOIN "memberships" m ON m."user_id" = u."id" AND m."account_id" = e."account_id"
  WHERE ev."conversation_id" = e."conversation_id" AND ev."type" = 'session_ended' AND ev."data" ? 'closedBy'
  ORDER BY ev."id" DESC LIMIT 1
) WHERE e."closed_at" IS NOT NULL;
