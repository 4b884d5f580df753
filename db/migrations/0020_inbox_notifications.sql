CREATE TABLE "inbox_alert_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"overdue_after_seconds" integer DEFAULT 180 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sound" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "overview_pickup_days" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"in_time" boolean NOT NULL,
	"handoffs" integer NOT NULL,
	CONSTRAINT "overview_pickup_days_account_id_day_channel_in_time_pk" PRIMARY KEY("account_id","day","channel","in_time")
);
--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "pickup_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbox_alert_settings" ADD CONSTRAINT "inbox_alert_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_alert_settings" ADD CONSTRAINT "inbox_alert_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_account_id_user_id_memberships_account_id_user_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."memberships"("account_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_pickup_days" ADD CONSTRAINT "overview_pickup_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "escalations_pickup_pending_idx" ON "escalations" USING btree ("created_at") WHERE "escalations"."pickup_due_at" is null and "escalations"."destination" = 'baton_inbox';--> statement-breakpoint
CREATE INDEX "escalations_overdue_due_idx" ON "escalations" USING btree ("pickup_due_at") WHERE "escalations"."overdue_notified_at" is null and "escalations"."assignee_id" is null and "escalations"."closed_at" is null;--> statement-breakpoint
-- Hand-written below the generated part: the first claim's time, and the overview's pickup figure.
--
-- A Baton Inbox handoff's first claim is stamped whatever code claims it (a claim, a reply that
-- claims); a later hand-over keeps the first time.
CREATE FUNCTION escalation_claimed_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.assignee_id IS NOT NULL AND NEW.claimed_at IS NULL THEN
    NEW.claimed_at := now();
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER escalation_claimed_at BEFORE INSERT OR UPDATE OF assignee_id ON escalations
FOR EACH ROW EXECUTE FUNCTION escalation_claimed_at();
--> statement-breakpoint
-- Whether a handoff was picked up in time: null while undecided (no deadline yet, or still
-- waiting before it), true when claimed by the deadline, false when claimed after it or found
-- waiting past it by the overdue checker.
CREATE FUNCTION overview_pickup_in_time(destination text, claimed_at timestamptz, due_at timestamptz, overdue_at timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN destination <> 'baton_inbox' OR due_at IS NULL THEN NULL
    WHEN claimed_at IS NOT NULL THEN claimed_at <= due_at
    WHEN overdue_at IS NOT NULL THEN false
  END
$$;
--> statement-breakpoint
-- Moves one handoff between pickup rows (in key order, like overview_add_escalations).
CREATE FUNCTION overview_add_pickup(p_account uuid, p_old_day date, p_old_channel conversation_channel, p_old_in_time boolean,
  p_new_day date, p_new_channel conversation_channel, p_new_in_time boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_pickup_days AS d (account_id, day, channel, in_time, handoffs)
  SELECT p_account, v.day, v.channel, v.in_time, sum(v.delta)::integer
  FROM (VALUES (p_old_day, p_old_channel, p_old_in_time, -1), (p_new_day, p_new_channel, p_new_in_time, 1)) AS v(day, channel, in_time, delta)
  WHERE v.day IS NOT NULL AND v.channel IS NOT NULL AND v.in_time IS NOT NULL
  GROUP BY v.day, v.channel, v.in_time
  HAVING sum(v.delta) <> 0
  ORDER BY v.day, v.channel, v.in_time
  ON CONFLICT (account_id, day, channel, in_time) DO UPDATE SET handoffs = d.handoffs + excluded.handoffs;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_pickup_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM overview_add_pickup(NEW.account_id, NULL, NULL, NULL, NEW.conversation_day, NEW.conversation_channel,
      overview_pickup_in_time(NEW.destination, NEW.claimed_at, NEW.pickup_due_at, NEW.overdue_notified_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM overview_add_pickup(OLD.account_id, OLD.conversation_day, OLD.conversation_channel,
      overview_pickup_in_time(OLD.destination, OLD.claimed_at, OLD.pickup_due_at, OLD.overdue_notified_at), NULL, NULL, NULL);
  ELSIF OLD.account_id = NEW.account_id THEN
    PERFORM overview_add_pickup(NEW.account_id,
      OLD.conversation_day, OLD.conversation_channel, overview_pickup_in_time(OLD.destination, OLD.claimed_at, OLD.pickup_due_at, OLD.overdue_notified_at),
      NEW.conversation_day, NEW.conversation_channel, overview_pickup_in_time(NEW.destination, NEW.claimed_at, NEW.pickup_due_at, NEW.overdue_notified_at));
  ELSE
    PERFORM overview_add_pickup(OLD.account_id, OLD.conversation_day, OLD.conversation_channel,
      overview_pickup_in_time(OLD.destination, OLD.claimed_at, OLD.pickup_due_at, OLD.overdue_notified_at), NULL, NULL, NULL);
    PERFORM overview_add_pickup(NEW.account_id, NULL, NULL, NULL, NEW.conversation_day, NEW.conversation_channel,
      overview_pickup_in_time(NEW.destination, NEW.claimed_at, NEW.pickup_due_at, NEW.overdue_notified_at));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_pickup_inserted AFTER INSERT ON escalations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION overview_pickup_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_pickup_updated AFTER UPDATE ON escalations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  OLD.destination IS DISTINCT FROM NEW.destination OR OLD.claimed_at IS DISTINCT FROM NEW.claimed_at
  OR OLD.pickup_due_at IS DISTINCT FROM NEW.pickup_due_at OR OLD.overdue_notified_at IS DISTINCT FROM NEW.overdue_notified_at
  OR OLD.conversation_day IS DISTINCT FROM NEW.conversation_day OR OLD.conversation_channel IS DISTINCT FROM NEW.conversation_channel
  OR OLD.account_id IS DISTINCT FROM NEW.account_id
) EXECUTE FUNCTION overview_pickup_changed();
--> statement-breakpoint
CREATE TRIGGER overview_pickup_deleted AFTER DELETE ON escalations
FOR EACH ROW EXECUTE FUNCTION overview_pickup_changed();
--> statement-breakpoint
-- Handoffs claimed before this migration count as claimed then (their exact time is unknown);
-- they have no deadline, so they stay out of the pickup figure.
UPDATE escalations SET claimed_at = updated_at WHERE assignee_id IS NOT NULL AND claimed_at IS NULL;
