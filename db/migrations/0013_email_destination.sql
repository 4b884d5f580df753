ALTER TYPE "public"."helpdesk_destination" ADD VALUE 'email';--> statement-breakpoint
ALTER TYPE "public"."helpdesk_auth" ADD VALUE 'email_code';--> statement-breakpoint
ALTER TYPE "public"."helpdesk_provider" ADD VALUE 'email';--> statement-breakpoint
CREATE TABLE "destination_codes" (
	"account_id" uuid NOT NULL,
	"provider" "helpdesk_provider" NOT NULL,
	"address" text NOT NULL,
	"code_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "destination_codes_account_id_provider_pk" PRIMARY KEY("account_id","provider")
);
--> statement-breakpoint
ALTER TABLE "destination_codes" ADD CONSTRAINT "destination_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destination_codes" ADD CONSTRAINT "destination_codes_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;