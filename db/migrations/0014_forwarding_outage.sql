CREATE TABLE "helpdesk_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"destination" "helpdesk_destination" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"notified_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "retry_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "store_email" text;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "store_phone" text;--> statement-breakpoint
ALTER TABLE "helpdesk_incidents" ADD CONSTRAINT "helpdesk_incidents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_incidents_open_key" ON "helpdesk_incidents" USING btree ("account_id","destination") WHERE "helpdesk_incidents"."resolved_at" is null;