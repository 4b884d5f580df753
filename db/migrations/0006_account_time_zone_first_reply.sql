ALTER TABLE "accounts" ADD COLUMN "time_zone" text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "first_human_reply_at" timestamp with time zone;