ALTER TABLE "escalations" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;