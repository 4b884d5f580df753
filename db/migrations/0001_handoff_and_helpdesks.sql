CREATE TYPE "public"."handoff_method" AS ENUM('helpdesk', 'message');--> statement-breakpoint
CREATE TYPE "public"."helpdesk_destination" AS ENUM('baton_inbox', 'zendesk', 'gorgias');--> statement-breakpoint
CREATE TYPE "public"."helpdesk_auth" AS ENUM('oauth', 'api_token', 'api_key');--> statement-breakpoint
CREATE TYPE "public"."helpdesk_provider" AS ENUM('zendesk', 'gorgias');--> statement-breakpoint
CREATE TABLE "handoff_setting_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handoff_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"method" "handoff_method" NOT NULL,
	"destination" "helpdesk_destination" NOT NULL,
	"message" text NOT NULL,
	"links" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpdesk_connections" (
	"account_id" uuid NOT NULL,
	"provider" "helpdesk_provider" NOT NULL,
	"auth_type" "helpdesk_auth" NOT NULL,
	"site" text NOT NULL,
	"agent_email" text,
	"agent_name" text,
	"credentials_ciphertext" text NOT NULL,
	"credentials_key_id" text NOT NULL,
	"access_token_expires_at" timestamp with time zone,
	"verified_at" timestamp with time zone NOT NULL,
	"connected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_connections_account_id_provider_pk" PRIMARY KEY("account_id","provider")
);
--> statement-breakpoint
ALTER TABLE "handoff_setting_changes" ADD CONSTRAINT "handoff_setting_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_setting_changes" ADD CONSTRAINT "handoff_setting_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_settings" ADD CONSTRAINT "handoff_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handoff_settings" ADD CONSTRAINT "handoff_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD CONSTRAINT "helpdesk_connections_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD CONSTRAINT "helpdesk_connections_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handoff_setting_changes_account_idx" ON "handoff_setting_changes" USING btree ("account_id","created_at");