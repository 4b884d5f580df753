CREATE TABLE "overview_conversation_weeks" (
	"account_id" uuid NOT NULL,
	"week" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"status" "conversation_status" NOT NULL,
	"offered" boolean NOT NULL,
	"answered" boolean NOT NULL,
	"handed_off_later" boolean NOT NULL,
	"conversations" integer NOT NULL,
	CONSTRAINT "overview_conversation_weeks_pk" PRIMARY KEY("account_id","week","channel","status","offered","answered","handed_off_later")
);
--> statement-breakpoint
CREATE TABLE "overview_escalation_weeks" (
	"account_id" uuid NOT NULL,
	"week" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"destination" text NOT NULL,
	"status" "escalation_status" NOT NULL,
	"escalations" integer NOT NULL,
	CONSTRAINT "overview_escalation_weeks_pk" PRIMARY KEY("account_id","week","channel","destination","status")
);
--> statement-breakpoint
CREATE TABLE "overview_question_weeks" (
	"account_id" uuid NOT NULL,
	"week" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"status" "conversation_status" NOT NULL,
	"wording_id" integer NOT NULL,
	"questions" integer NOT NULL,
	CONSTRAINT "overview_question_weeks_pk" PRIMARY KEY("account_id","week","channel","status","wording_id")
);
--> statement-breakpoint
CREATE TABLE "overview_question_wordings" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"reason" text NOT NULL,
	"stems" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overview_reply_time_weeks" (
	"account_id" uuid NOT NULL,
	"week" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"bucket" smallint NOT NULL,
	"replies" integer NOT NULL,
	CONSTRAINT "overview_reply_time_weeks_account_id_week_channel_bucket_pk" PRIMARY KEY("account_id","week","channel","bucket")
);
--> statement-breakpoint
-- The day rows are counted again from the conversations at the end (below); the new key column
-- needs them gone first (TRUNCATE: the new rows then fill a fresh table, not one twice its size).
TRUNCATE "overview_question_days";--> statement-breakpoint
ALTER TABLE "overview_question_days" DROP CONSTRAINT "overview_question_days_pk";--> statement-breakpoint
ALTER TABLE "overview_question_days" ADD COLUMN "wording_id" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "overview_conversation_weeks" ADD CONSTRAINT "overview_conversation_weeks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_escalation_weeks" ADD CONSTRAINT "overview_escalation_weeks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_question_weeks" ADD CONSTRAINT "overview_question_weeks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_question_weeks" ADD CONSTRAINT "overview_question_weeks_wording_id_overview_question_wordings_id_fk" FOREIGN KEY ("wording_id") REFERENCES "public"."overview_question_wordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_question_wordings" ADD CONSTRAINT "overview_question_wordings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_reply_time_weeks" ADD CONSTRAINT "overview_reply_time_weeks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "overview_question_wordings_key" ON "overview_question_wordings" USING btree ("account_id","locale","reason");--> statement-breakpoint
ALTER TABLE "overview_question_days" ADD CONSTRAINT "overview_question_days_wording_id_overview_question_wordings_id_fk" FOREIGN KEY ("wording_id") REFERENCES "public"."overview_question_wordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_question_days" DROP COLUMN "locale";--> statement-breakpoint
ALTER TABLE "overview_question_days" DROP COLUMN "reason";--> statement-breakpoint
ALTER TABLE "overview_question_days" DROP COLUMN "stems";--> statement-breakpoint
ALTER TABLE "overview_question_days" ADD CONSTRAINT "overview_question_days_pk" PRIMARY KEY("account_id","day","channel","status","wording_id");--> statement-breakpoint
-- Hand-written below the generated part. A question's wording (per account and language) is
-- written once to overview_question_wordings and the day rows count it by its id: the overview
-- then groups a range's few thousand day rows on (wording_id, status), two small scalars, and
-- reads the texts and stems of the few dozen wordings left, instead of hashing every row's text
-- and stems array.
CREATE OR REPLACE FUNCTION overview_question_wording(p_account uuid, p_locale text, p_reason text, p_stems text[]) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  found_id integer;
BEGIN
  SELECT id INTO found_id FROM overview_question_wordings WHERE account_id = p_account AND locale = p_locale AND reason = p_reason;
  IF found_id IS NULL THEN
    INSERT INTO overview_question_wordings (account_id, locale, reason, stems) VALUES (p_account, p_locale, p_reason, coalesce(p_stems, '{}'))
    ON CONFLICT (account_id, locale, reason) DO NOTHING RETURNING id INTO found_id;
  END IF;
  -- Written meanwhile by a concurrent transaction (ON CONFLICT waited for its commit).
  IF found_id IS NULL THEN
    SELECT id INTO found_id FROM overview_question_wordings WHERE account_id = p_account AND locale = p_locale AND reason = p_reason;
  END IF;
  RETURN found_id;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_add_question(p_account uuid, p_day date, p_channel conversation_channel, p_status conversation_status, p_locale text, p_reason text, p_stems text[], p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_day IS NULL OR p_reason IS NULL OR p_status NOT IN ('routed', 'message_shown') OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_question_days AS d (account_id, day, channel, status, wording_id, questions)
  VALUES (p_account, p_day, p_channel, p_status, overview_question_wording(p_account, p_locale, p_reason, p_stems), p_delta)
  ON CONFLICT (account_id, day, channel, status, wording_id) DO UPDATE SET questions = d.questions + excluded.questions;
END
$$;
--> statement-breakpoint
-- Reply times per week: every change to a day row (whatever writes it, overview_rebuild too) adds
-- its difference to the row of the day's week, at once, so the two stay equal.
CREATE FUNCTION overview_add_reply_week(p_account uuid, p_day date, p_channel conversation_channel, p_bucket smallint, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- An account being deleted takes its rows along (cascade): nothing to add.
  IF p_delta = 0 OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_reply_time_weeks AS w (account_id, week, channel, bucket, replies)
  VALUES (p_account, date_trunc('week', p_day::timestamp)::date, p_channel, p_bucket, p_delta)
  ON CONFLICT (account_id, week, channel, bucket) DO UPDATE SET replies = w.replies + excluded.replies;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_reply_days_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.account_id, OLD.day, OLD.channel, OLD.bucket) = (NEW.account_id, NEW.day, NEW.channel, NEW.bucket) THEN
    PERFORM overview_add_reply_week(NEW.account_id, NEW.day, NEW.channel, NEW.bucket, NEW.replies - OLD.replies);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM overview_add_reply_week(OLD.account_id, OLD.day, OLD.channel, OLD.bucket, -OLD.replies);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM overview_add_reply_week(NEW.account_id, NEW.day, NEW.channel, NEW.bucket, NEW.replies);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER overview_reply_days_changed AFTER INSERT OR UPDATE OR DELETE ON overview_reply_time_days
FOR EACH ROW EXECUTE FUNCTION overview_reply_days_changed();
--> statement-breakpoint
-- Conversations per week, the same way.
CREATE FUNCTION overview_add_conversation_week(p_account uuid, p_day date, p_channel conversation_channel, p_status conversation_status,
  p_offered boolean, p_answered boolean, p_later boolean, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta = 0 OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_conversation_weeks AS w (account_id, week, channel, status, offered, answered, handed_off_later, conversations)
  VALUES (p_account, date_trunc('week', p_day::timestamp)::date, p_channel, p_status, p_offered, p_answered, p_later, p_delta)
  ON CONFLICT (account_id, week, channel, status, offered, answered, handed_off_later) DO UPDATE SET conversations = w.conversations + excluded.conversations;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_conversation_days_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.account_id, OLD.day, OLD.channel, OLD.status, OLD.offered, OLD.answered, OLD.handed_off_later)
    = (NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.offered, NEW.answered, NEW.handed_off_later) THEN
    PERFORM overview_add_conversation_week(NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.offered, NEW.answered, NEW.handed_off_later,
      NEW.conversations - OLD.conversations);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM overview_add_conversation_week(OLD.account_id, OLD.day, OLD.channel, OLD.status, OLD.offered, OLD.answered, OLD.handed_off_later, -OLD.conversations);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM overview_add_conversation_week(NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.offered, NEW.answered, NEW.handed_off_later, NEW.conversations);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER overview_conversation_days_changed AFTER INSERT OR UPDATE OR DELETE ON overview_conversation_days
FOR EACH ROW EXECUTE FUNCTION overview_conversation_days_changed();
--> statement-breakpoint
-- Handoffs per week, the same way.
CREATE FUNCTION overview_add_escalation_week(p_account uuid, p_day date, p_channel conversation_channel, p_destination text, p_status escalation_status, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta = 0 OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_escalation_weeks AS w (account_id, week, channel, destination, status, escalations)
  VALUES (p_account, date_trunc('week', p_day::timestamp)::date, p_channel, p_destination, p_status, p_delta)
  ON CONFLICT (account_id, week, channel, destination, status) DO UPDATE SET escalations = w.escalations + excluded.escalations;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_escalation_days_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.account_id, OLD.day, OLD.channel, OLD.destination, OLD.status) = (NEW.account_id, NEW.day, NEW.channel, NEW.destination, NEW.status) THEN
    PERFORM overview_add_escalation_week(NEW.account_id, NEW.day, NEW.channel, NEW.destination, NEW.status, NEW.escalations - OLD.escalations);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM overview_add_escalation_week(OLD.account_id, OLD.day, OLD.channel, OLD.destination, OLD.status, -OLD.escalations);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM overview_add_escalation_week(NEW.account_id, NEW.day, NEW.channel, NEW.destination, NEW.status, NEW.escalations);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER overview_escalation_days_changed AFTER INSERT OR UPDATE OR DELETE ON overview_escalation_days
FOR EACH ROW EXECUTE FUNCTION overview_escalation_days_changed();
--> statement-breakpoint
-- Questions per week, the same way.
CREATE FUNCTION overview_add_question_week(p_account uuid, p_day date, p_channel conversation_channel, p_status conversation_status, p_wording integer, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta = 0 OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_question_weeks AS w (account_id, week, channel, status, wording_id, questions)
  VALUES (p_account, date_trunc('week', p_day::timestamp)::date, p_channel, p_status, p_wording, p_delta)
  ON CONFLICT (account_id, week, channel, status, wording_id) DO UPDATE SET questions = w.questions + excluded.questions;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_question_days_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.account_id, OLD.day, OLD.channel, OLD.status, OLD.wording_id) = (NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.wording_id) THEN
    PERFORM overview_add_question_week(NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.wording_id, NEW.questions - OLD.questions);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM overview_add_question_week(OLD.account_id, OLD.day, OLD.channel, OLD.status, OLD.wording_id, -OLD.questions);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM overview_add_question_week(NEW.account_id, NEW.day, NEW.channel, NEW.status, NEW.wording_id, NEW.questions);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER overview_question_days_changed AFTER INSERT OR UPDATE OR DELETE ON overview_question_days
FOR EACH ROW EXECUTE FUNCTION overview_question_days_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION overview_rebuild(p_account uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE conversations, escalations IN SHARE MODE;
  DELETE FROM overview_conversation_days WHERE account_id = p_account;
  DELETE FROM overview_escalation_days WHERE account_id = p_account;
  DELETE FROM overview_reply_time_days WHERE account_id = p_account;
  DELETE FROM overview_question_days WHERE account_id = p_account;
  -- The week rows follow the day rows (the *_days_changed triggers): emptied here, the inserts below rebuild them.
  DELETE FROM overview_conversation_weeks WHERE account_id = p_account;
  DELETE FROM overview_escalation_weeks WHERE account_id = p_account;
  DELETE FROM overview_reply_time_weeks WHERE account_id = p_account;
  DELETE FROM overview_question_weeks WHERE account_id = p_account;
  DELETE FROM overview_pickup_days WHERE account_id = p_account;
  -- Rows are written in day order: a range then reads neighbouring rows (an index range over
  -- few pages), where hash-aggregate order would scatter each day over the whole table.
  -- Wordings stay (their ids with them); only those never seen before are added.
  INSERT INTO overview_question_wordings (account_id, locale, reason, stems)
  SELECT DISTINCT account_id, locale, reason, coalesce(reason_stems, '{}')
  FROM conversations WHERE account_id = p_account AND status IN ('routed', 'message_shown') AND reason IS NOT NULL
  ON CONFLICT (account_id, locale, reason) DO NOTHING;
  INSERT INTO overview_question_days (account_id, day, channel, status, wording_id, questions)
  SELECT c.account_id, c.local_day, c.channel, c.status, w.id, count(*)
  FROM conversations c
  JOIN overview_question_wordings w ON w.account_id = c.account_id AND w.locale = c.locale AND w.reason = c.reason
  WHERE c.account_id = p_account AND c.status IN ('routed', 'message_shown') AND c.reason IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 3, 4, 5;
  INSERT INTO overview_conversation_days (account_id, day, channel, status, offered, answered, handed_off_later, conversations)
  SELECT account_id, local_day, channel, status, overview_offered(status, channel, handoff_offered_at), answered_at IS NOT NULL, handed_off_later, count(*)
  FROM conversations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 2, 3, 4, 5, 6, 7;
  INSERT INTO overview_escalation_days (account_id, day, channel, destination, status, escalations)
  SELECT account_id, conversation_day, conversation_channel, destination, status, count(*)
  FROM escalations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 3, 4, 5;
  INSERT INTO overview_reply_time_days (account_id, day, channel, bucket, replies)
  SELECT account_id, conversation_day, conversation_channel, overview_reply_bucket_of(created_at, first_human_reply_at), count(*)
  FROM escalations WHERE account_id = p_account AND first_human_reply_at IS NOT NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4;
  INSERT INTO overview_pickup_days (account_id, day, channel, in_time, handoffs)
  SELECT account_id, conversation_day, conversation_channel, overview_pickup_in_time(destination, claimed_at, pickup_due_at, overdue_notified_at), count(*)
  FROM escalations WHERE account_id = p_account AND overview_pickup_in_time(destination, claimed_at, pickup_due_at, overdue_notified_at) IS NOT NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4;
END
$$;
--> statement-breakpoint
-- Existing data: every account's question rows again, as overview_rebuild counts them (their week
-- rows follow through the trigger), and the other week rows from their day rows (those are
-- unchanged: rewriting them here would leave their tables twice their size).
INSERT INTO overview_question_wordings (account_id, locale, reason, stems)
SELECT DISTINCT account_id, locale, reason, coalesce(reason_stems, '{}')
FROM conversations WHERE status IN ('routed', 'message_shown') AND reason IS NOT NULL
ON CONFLICT (account_id, locale, reason) DO NOTHING;
--> statement-breakpoint
INSERT INTO overview_question_days (account_id, day, channel, status, wording_id, questions)
SELECT c.account_id, c.local_day, c.channel, c.status, w.id, count(*)
FROM conversations c
JOIN overview_question_wordings w ON w.account_id = c.account_id AND w.locale = c.locale AND w.reason = c.reason
WHERE c.status IN ('routed', 'message_shown') AND c.reason IS NOT NULL
GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO overview_reply_time_weeks (account_id, week, channel, bucket, replies)
SELECT account_id, date_trunc('week', day::timestamp)::date, channel, bucket, sum(replies)::integer
FROM overview_reply_time_days GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO overview_conversation_weeks (account_id, week, channel, status, offered, answered, handed_off_later, conversations)
SELECT account_id, date_trunc('week', day::timestamp)::date, channel, status, offered, answered, handed_off_later, sum(conversations)::integer
FROM overview_conversation_days GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO overview_escalation_weeks (account_id, week, channel, destination, status, escalations)
SELECT account_id, date_trunc('week', day::timestamp)::date, channel, destination, status, sum(escalations)::integer
FROM overview_escalation_days GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
