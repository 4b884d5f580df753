ALTER TYPE "public"."conversation_event_type" ADD VALUE 'answer_feedback';--> statement-breakpoint
CREATE TABLE "knowledge_gap_dismissals" (
	"account_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"question" text NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_gap_dismissals_account_id_group_key_pk" PRIMARY KEY("account_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "overview_question_days" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"status" "conversation_status" NOT NULL,
	"locale" text NOT NULL,
	"reason" text NOT NULL,
	"stems" text[] NOT NULL,
	"questions" integer NOT NULL,
	CONSTRAINT "overview_question_days_pk" PRIMARY KEY("account_id","day","channel","status","locale","reason")
);
--> statement-breakpoint
ALTER TABLE "overview_question_days" ADD CONSTRAINT "overview_question_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "resolution_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "handed_off_later" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "overview_conversation_days" ADD COLUMN "answered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "overview_conversation_days" ADD COLUMN "handed_off_later" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "overview_conversation_days" DROP CONSTRAINT "overview_conversation_days_account_id_day_channel_status_offered_pk";--> statement-breakpoint
ALTER TABLE "overview_conversation_days" ADD CONSTRAINT "overview_conversation_days_pk" PRIMARY KEY("account_id","day","channel","status","offered","answered","handed_off_later");--> statement-breakpoint
ALTER TABLE "knowledge_gap_dismissals" ADD CONSTRAINT "knowledge_gap_dismissals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_gap_dismissals" ADD CONSTRAINT "knowledge_gap_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_shopper_email_idx" ON "conversations" USING btree ("account_id",lower("shopper_email"),"created_at") WHERE "conversations"."shopper_email" is not null;--> statement-breakpoint
CREATE INDEX "conversations_shopper_profile_idx" ON "conversations" USING btree ("account_id","shopper_profile_id","created_at") WHERE "conversations"."shopper_profile_id" is not null;--> statement-breakpoint
-- Durable resolution (hand-written below the generated part). A resolved conversation is
-- "handed off later" when the same shopper (email, case-insensitive, or profile id) was handed to
-- the team in a conversation of the same account started after it and within the account's
-- resolution window (hours, from the resolved conversation's start). Kept exact by triggers:
-- a conversation's own flag is computed before each write that could change it; a write to the
-- later conversation (status, shopper, delete) recomputes the flags of the shopper's resolved
-- conversations in the window before it.
CREATE FUNCTION overview_handed_off_later(p_account uuid, p_id uuid, p_status conversation_status, p_email text, p_profile text, p_created_at timestamptz) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  until timestamptz;
BEGIN
  IF p_status <> 'resolved' OR (p_email IS NULL AND p_profile IS NULL) THEN
    RETURN false;
  END IF;
  SELECT p_created_at + make_interval(hours => a.resolution_window_hours) INTO until FROM accounts a WHERE a.id = p_account;
  -- One probe per identity, each an index range (conversations_shopper_email_idx, _profile_idx):
  -- an OR of the two would leave the planner a scan of the account's conversations.
  RETURN (p_email IS NOT NULL AND EXISTS (
      SELECT 1 FROM conversations n
      WHERE n.account_id = p_account AND lower(n.shopper_email) = lower(p_email) AND n.created_at > p_created_at AND n.created_at <= until
        AND n.status = 'routed' AND n.id <> p_id))
    OR (p_profile IS NOT NULL AND EXISTS (
      SELECT 1 FROM conversations n
      WHERE n.account_id = p_account AND n.shopper_profile_id = p_profile AND n.created_at > p_created_at AND n.created_at <= until
        AND n.status = 'routed' AND n.id <> p_id));
END
$$;
--> statement-breakpoint
-- Recomputes the flag of one shopper's resolved conversations started in [p_before - window, p_before).
CREATE FUNCTION overview_refresh_handed_off_later(p_account uuid, p_email text, p_profile text, p_before timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  window_hours integer;
BEGIN
  IF p_email IS NULL AND p_profile IS NULL THEN
    RETURN;
  END IF;
  SELECT resolution_window_hours INTO window_hours FROM accounts WHERE id = p_account;
  IF window_hours IS NULL THEN
    RETURN;
  END IF;
  -- The shopper's resolved conversations in the window, found by email and by profile id separately (one index range each).
  UPDATE conversations c SET handed_off_later = v.later
  FROM (
    SELECT r.id, overview_handed_off_later(r.account_id, r.id, r.status, r.shopper_email, r.shopper_profile_id, r.created_at) AS later
    FROM conversations r
    WHERE p_email IS NOT NULL AND r.account_id = p_account AND lower(r.shopper_email) = lower(p_email) AND r.status = 'resolved'
      AND r.created_at >= p_before - make_interval(hours => window_hours) AND r.created_at < p_before
    UNION
    SELECT r.id, overview_handed_off_later(r.account_id, r.id, r.status, r.shopper_email, r.shopper_profile_id, r.created_at) AS later
    FROM conversations r
    WHERE p_profile IS NOT NULL AND r.account_id = p_account AND r.shopper_profile_id = p_profile AND r.status = 'resolved'
      AND r.created_at >= p_before - make_interval(hours => window_hours) AND r.created_at < p_before
  ) v
  WHERE c.id = v.id AND c.handed_off_later IS DISTINCT FROM v.later;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_own_handed_off_later() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Most writes are not resolutions: the function returns at once for those.
  NEW.handed_off_later := overview_handed_off_later(NEW.account_id, NEW.id, NEW.status, NEW.shopper_email, NEW.shopper_profile_id, NEW.created_at);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_others_handed_off_later() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'routed' THEN
    PERFORM overview_refresh_handed_off_later(OLD.account_id, OLD.shopper_email, OLD.shopper_profile_id, OLD.created_at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (NEW.status = 'routed' OR TG_OP = 'UPDATE' AND OLD.status = 'routed') THEN
    PERFORM overview_refresh_handed_off_later(NEW.account_id, NEW.shopper_email, NEW.shopper_profile_id, NEW.created_at);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every flag of one account (a new window, bulk loads, repairs).
CREATE FUNCTION overview_refresh_account_handed_off_later(p_account uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE conversations c SET handed_off_later = v.later
  FROM (
    SELECT r.id, overview_handed_off_later(r.account_id, r.id, r.status, r.shopper_email, r.shopper_profile_id, r.created_at) AS later
    FROM conversations r WHERE r.account_id = p_account AND (r.status = 'resolved' OR r.handed_off_later)
  ) v
  WHERE c.id = v.id AND c.handed_off_later IS DISTINCT FROM v.later
$$;
--> statement-breakpoint
CREATE TRIGGER overview_own_handed_off_later BEFORE INSERT OR UPDATE OF status, shopper_email, shopper_profile_id, created_at, account_id ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_own_handed_off_later();
--> statement-breakpoint
CREATE TRIGGER overview_others_handed_off_later AFTER INSERT OR DELETE OR UPDATE OF status, shopper_email, shopper_profile_id, created_at ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_others_handed_off_later();
--> statement-breakpoint
-- The first answer from the knowledge is stamped on the conversation, like the first offer.
CREATE FUNCTION overview_answered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET answered_at = NEW.at WHERE id = NEW.conversation_id AND answered_at IS NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER overview_answered AFTER INSERT ON conversation_events
FOR EACH ROW WHEN (NEW.author = 'assistant' AND NEW.data ? 'knowledgeEntryId') EXECUTE FUNCTION overview_answered();
--> statement-breakpoint
-- The day rows gain two keys: answered, handed off later.
DROP FUNCTION overview_add_conversations(uuid, date, conversation_channel, conversation_status, boolean, date, conversation_channel, conversation_status, boolean);
--> statement-breakpoint
CREATE FUNCTION overview_add_conversations(p_account uuid,
  p_old_day date, p_old_channel conversation_channel, p_old_status conversation_status, p_old_offered boolean, p_old_answered boolean, p_old_later boolean,
  p_new_day date, p_new_channel conversation_channel, p_new_status conversation_status, p_new_offered boolean, p_new_answered boolean, p_new_later boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_conversation_days AS d (account_id, day, channel, status, offered, answered, handed_off_later, conversations)
  SELECT p_account, v.day, v.channel, v.status, v.offered, v.answered, v.later, sum(v.delta)::integer
  FROM (VALUES (p_old_day, p_old_channel, p_old_status, p_old_offered, p_old_answered, p_old_later, -1),
               (p_new_day, p_new_channel, p_new_status, p_new_offered, p_new_answered, p_new_later, 1))
    AS v(day, channel, status, offered, answered, later, delta)
  WHERE v.day IS NOT NULL
  GROUP BY v.day, v.channel, v.status, v.offered, v.answered, v.later
  HAVING sum(v.delta) <> 0
  ORDER BY v.day, v.channel, v.status, v.offered, v.answered, v.later
  ON CONFLICT (account_id, day, channel, status, offered, answered, handed_off_later) DO UPDATE SET conversations = d.conversations + excluded.conversations;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_conversations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM overview_add_conversations(NEW.account_id, NULL, NULL, NULL, NULL, NULL, NULL,
      NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at), NEW.answered_at IS NOT NULL, NEW.handed_off_later);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM overview_add_conversations(OLD.account_id,
      OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), OLD.answered_at IS NOT NULL, OLD.handed_off_later,
      NULL, NULL, NULL, NULL, NULL, NULL);
  ELSIF OLD.account_id = NEW.account_id THEN
    PERFORM overview_add_conversations(NEW.account_id,
      OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), OLD.answered_at IS NOT NULL, OLD.handed_off_later,
      NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at), NEW.answered_at IS NOT NULL, NEW.handed_off_later);
  ELSE
    PERFORM overview_add_conversations(OLD.account_id,
      OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), OLD.answered_at IS NOT NULL, OLD.handed_off_later,
      NULL, NULL, NULL, NULL, NULL, NULL);
    PERFORM overview_add_conversations(NEW.account_id, NULL, NULL, NULL, NULL, NULL, NULL,
      NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at), NEW.answered_at IS NOT NULL, NEW.handed_off_later);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER overview_conversation_updated ON conversations;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_conversation_updated AFTER UPDATE ON conversations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.channel IS DISTINCT FROM NEW.channel
  OR OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.account_id IS DISTINCT FROM NEW.account_id
  OR (OLD.handoff_offered_at IS NULL) <> (NEW.handoff_offered_at IS NULL)
  OR (OLD.answered_at IS NULL) <> (NEW.answered_at IS NULL) OR OLD.handed_off_later IS DISTINCT FROM NEW.handed_off_later
) EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_rebuild(p_account uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE conversations, escalations IN SHARE MODE;
  DELETE FROM overview_conversation_days WHERE account_id = p_account;
  DELETE FROM overview_escalation_days WHERE account_id = p_account;
  DELETE FROM overview_reply_time_days WHERE account_id = p_account;
  DELETE FROM overview_question_days WHERE account_id = p_account;
  DELETE FROM overview_pickup_days WHERE account_id = p_account;
  INSERT INTO overview_question_days (account_id, day, channel, status, locale, reason, stems, questions)
  SELECT account_id, local_day, channel, status, locale, reason, coalesce(reason_stems, '{}'), count(*)
  FROM conversations WHERE account_id = p_account AND status IN ('routed', 'message_shown') AND reason IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO overview_conversation_days (account_id, day, channel, status, offered, answered, handed_off_later, conversations)
  SELECT account_id, local_day, channel, status, overview_offered(status, channel, handoff_offered_at), answered_at IS NOT NULL, handed_off_later, count(*)
  FROM conversations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO overview_escalation_days (account_id, day, channel, destination, status, escalations)
  SELECT account_id, conversation_day, conversation_channel, destination, status, count(*)
  FROM escalations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO overview_reply_time_days (account_id, day, channel, bucket, replies)
  SELECT account_id, conversation_day, conversation_channel, overview_reply_bucket_of(created_at, first_human_reply_at), count(*)
  FROM escalations WHERE account_id = p_account AND first_human_reply_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
  -- Pickup rows (migration 0020) were not rebuilt until now.
  INSERT INTO overview_pickup_days (account_id, day, channel, in_time, handoffs)
  SELECT account_id, conversation_day, conversation_channel, overview_pickup_in_time(destination, claimed_at, pickup_due_at, overdue_notified_at), count(*)
  FROM escalations WHERE account_id = p_account AND overview_pickup_in_time(destination, claimed_at, pickup_due_at, overdue_notified_at) IS NOT NULL
  GROUP BY 1, 2, 3, 4;
END
$$;
--> statement-breakpoint
-- Knowledge gaps from an exact aggregate: one row per day, channel, outcome, language and wording.
CREATE FUNCTION overview_add_question(p_account uuid, p_day date, p_channel conversation_channel, p_status conversation_status, p_locale text, p_reason text, p_stems text[], p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_day IS NULL OR p_reason IS NULL OR p_status NOT IN ('routed', 'message_shown') OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_question_days AS d (account_id, day, channel, status, locale, reason, stems, questions)
  VALUES (p_account, p_day, p_channel, p_status, p_locale, p_reason, coalesce(p_stems, '{}'), p_delta)
  ON CONFLICT (account_id, day, channel, status, locale, reason) DO UPDATE SET questions = d.questions + excluded.questions;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_questions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM overview_add_question(OLD.account_id, OLD.local_day, OLD.channel, OLD.status, OLD.locale, OLD.reason, OLD.reason_stems, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM overview_add_question(NEW.account_id, NEW.local_day, NEW.channel, NEW.status, NEW.locale, NEW.reason, NEW.reason_stems, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_question_inserted AFTER INSERT ON conversations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status IN ('routed', 'message_shown') AND NEW.reason IS NOT NULL)
EXECUTE FUNCTION overview_questions_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_question_updated AFTER UPDATE ON conversations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  ((OLD.status IN ('routed', 'message_shown') AND OLD.reason IS NOT NULL) OR (NEW.status IN ('routed', 'message_shown') AND NEW.reason IS NOT NULL))
  AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.reason IS DISTINCT FROM NEW.reason OR OLD.locale IS DISTINCT FROM NEW.locale
    OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.account_id IS DISTINCT FROM NEW.account_id)
) EXECUTE FUNCTION overview_questions_changed();
--> statement-breakpoint
-- Deletes count at once, like the other day rows.
CREATE TRIGGER overview_question_deleted AFTER DELETE ON conversations
FOR EACH ROW WHEN (OLD.status IN ('routed', 'message_shown') AND OLD.reason IS NOT NULL) EXECUTE FUNCTION overview_questions_changed();
--> statement-breakpoint
-- Existing data: each conversation's first answer and flag, then every account's aggregates.
UPDATE conversations c SET answered_at = a.at
FROM (SELECT conversation_id, min(at) AS at FROM conversation_events WHERE author = 'assistant' AND data ? 'knowledgeEntryId' GROUP BY conversation_id) a
WHERE a.conversation_id = c.id;
--> statement-breakpoint
SELECT overview_refresh_account_handed_off_later(id) FROM accounts;
--> statement-breakpoint
SELECT overview_rebuild(id) FROM accounts;
