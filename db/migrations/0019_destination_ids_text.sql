-- Destination ids and sign-in kinds become text: the destinations are listed once, in
-- lib/helpdesks/registry.ts, so adding one needs no migration. The trigger that compares
-- destinations and the function taking one as a parameter depend on the enum; they are dropped
-- and recreated unchanged around the type change.
DROP TRIGGER overview_escalation_updated ON escalations;--> statement-breakpoint
DROP FUNCTION overview_add_escalations(uuid, date, conversation_channel, helpdesk_destination, escalation_status, smallint, date, conversation_channel, helpdesk_destination, escalation_status, smallint);--> statement-breakpoint
ALTER TABLE "escalations" ALTER COLUMN "destination" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "handoff_settings" ALTER COLUMN "destination" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "destination_codes" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ALTER COLUMN "auth_type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "oauth_states" ALTER COLUMN "provider" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "helpdesk_incidents" ALTER COLUMN "destination" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "overview_escalation_days" ALTER COLUMN "destination" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."helpdesk_destination";--> statement-breakpoint
DROP TYPE "public"."helpdesk_auth";--> statement-breakpoint
DROP TYPE "public"."helpdesk_provider";--> statement-breakpoint
CREATE FUNCTION overview_add_escalations(p_account uuid, p_old_day date, p_old_channel conversation_channel, p_old_destination text, p_old_status escalation_status, p_old_bucket smallint,
  p_new_day date, p_new_channel conversation_channel, p_new_destination text, p_new_status escalation_status, p_new_bucket smallint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_escalation_days AS d (account_id, day, channel, destination, status, escalations)
  SELECT p_account, v.day, v.channel, v.destination, v.status, sum(v.delta)::integer
  FROM (VALUES (p_old_day, p_old_channel, p_old_destination, p_old_status, -1), (p_new_day, p_new_channel, p_new_destination, p_new_status, 1))
    AS v(day, channel, destination, status, delta)
  WHERE v.day IS NOT NULL
  GROUP BY v.day, v.channel, v.destination, v.status
  HAVING sum(v.delta) <> 0
  ORDER BY v.day, v.channel, v.destination, v.status
  ON CONFLICT (account_id, day, channel, destination, status) DO UPDATE SET escalations = d.escalations + excluded.escalations;
  INSERT INTO overview_reply_time_days AS r (account_id, day, channel, bucket, replies)
  SELECT p_account, v.day, v.channel, v.bucket, sum(v.delta)::integer
  FROM (VALUES (p_old_day, p_old_channel, p_old_bucket, -1), (p_new_day, p_new_channel, p_new_bucket, 1)) AS v(day, channel, bucket, delta)
  WHERE v.day IS NOT NULL AND v.bucket IS NOT NULL
  GROUP BY v.day, v.channel, v.bucket
  HAVING sum(v.delta) <> 0
  ORDER BY v.day, v.channel, v.bucket
  ON CONFLICT (account_id, day, channel, bucket) DO UPDATE SET replies = r.replies + excluded.replies;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_escalation_updated AFTER UPDATE ON escalations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.destination IS DISTINCT FROM NEW.destination
  OR OLD.first_human_reply_at IS DISTINCT FROM NEW.first_human_reply_at OR OLD.created_at IS DISTINCT FROM NEW.created_at
  OR OLD.conversation_day IS DISTINCT FROM NEW.conversation_day OR OLD.conversation_channel IS DISTINCT FROM NEW.conversation_channel
  OR OLD.account_id IS DISTINCT FROM NEW.account_id
) EXECUTE FUNCTION overview_escalations_changed();
