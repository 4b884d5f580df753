CREATE TABLE "overview_conversation_days" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"status" "conversation_status" NOT NULL,
	"offered" boolean NOT NULL,
	"conversations" integer NOT NULL,
	CONSTRAINT "overview_conversation_days_account_id_day_channel_status_offered_pk" PRIMARY KEY("account_id","day","channel","status","offered")
);
--> statement-breakpoint
CREATE TABLE "overview_escalation_days" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"destination" "helpdesk_destination" NOT NULL,
	"status" "escalation_status" NOT NULL,
	"escalations" integer NOT NULL,
	CONSTRAINT "overview_escalation_days_account_id_day_channel_destination_status_pk" PRIMARY KEY("account_id","day","channel","destination","status")
);
--> statement-breakpoint
CREATE TABLE "overview_reply_time_days" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"channel" "conversation_channel" NOT NULL,
	"bucket" smallint NOT NULL,
	"replies" integer NOT NULL,
	CONSTRAINT "overview_reply_time_days_account_id_day_channel_bucket_pk" PRIMARY KEY("account_id","day","channel","bucket")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "reason_stems" text[] GENERATED ALWAYS AS (tsvector_to_array(to_tsvector('english'::regconfig, coalesce(reason, '')))) STORED;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "handoff_offered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "local_day" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "conversation_day" date;--> statement-breakpoint
ALTER TABLE "escalations" ADD COLUMN "conversation_channel" "conversation_channel";--> statement-breakpoint
ALTER TABLE "overview_conversation_days" ADD CONSTRAINT "overview_conversation_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_escalation_days" ADD CONSTRAINT "overview_escalation_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_reply_time_days" ADD CONSTRAINT "overview_reply_time_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_unanswered_idx" ON "conversations" USING btree ("account_id","local_day","created_at") WHERE "conversations"."status" in ('routed', 'message_shown');--> statement-breakpoint
-- Overview aggregates, kept exact by triggers (hand-written below the generated part).
--
-- Counting triggers are deferred constraint triggers: they run at commit, in the transaction
-- that changed the rows, so the aggregates change atomically with them, and the aggregate rows
-- (shared by every conversation of an account's day) stay locked only from commit-time counting
-- to the commit itself, not for the whole transaction.
--
-- Whether the shopper was offered a human: asked for consent (a handoff_offered event), declined,
-- or handed to the team from web chat (which always needs consent, given to Baton or to the caller).
CREATE FUNCTION overview_offered(status conversation_status, channel conversation_channel, offered_at timestamptz) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT offered_at IS NOT NULL OR status = 'declined' OR (channel = 'web_chat' AND status = 'routed')
$$;
--> statement-breakpoint
-- The histogram bucket of a time to first human reply, in seconds: each bucket spans 5% of its values.
CREATE FUNCTION overview_reply_bucket(seconds double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(ln(1 + greatest(seconds, 0)) / ln(1.05))::smallint
$$;
--> statement-breakpoint
CREATE FUNCTION overview_reply_bucket_of(created_at timestamptz, replied_at timestamptz) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN replied_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM replied_at - created_at)) END
$$;
--> statement-breakpoint
-- A conversation's day is fixed when it starts, in the account's time zone of that moment.
CREATE FUNCTION overview_conversation_local_day() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.local_day := coalesce((SELECT (NEW.created_at AT TIME ZONE a.time_zone)::date FROM accounts a WHERE a.id = NEW.account_id), NEW.local_day);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- An escalation counts on its conversation's day and channel, copied once when it is written.
CREATE FUNCTION overview_escalation_conversation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.local_day, c.channel INTO NEW.conversation_day, NEW.conversation_channel FROM conversations c WHERE c.id = NEW.conversation_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Adds delta conversations to one aggregate row (in key order, so concurrent commits cannot
-- deadlock). While the account itself is being deleted nothing is written: its aggregate rows
-- cascade away too, and a new one would fail its foreign key.
CREATE FUNCTION overview_add_conversations(p_account uuid, p_old_day date, p_old_channel conversation_channel, p_old_status conversation_status, p_old_offered boolean,
  p_new_day date, p_new_channel conversation_channel, p_new_status conversation_status, p_new_offered boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    RETURN;
  END IF;
  INSERT INTO overview_conversation_days AS d (account_id, day, channel, status, offered, conversations)
  SELECT p_account, v.day, v.channel, v.status, v.offered, sum(v.delta)::integer
  FROM (VALUES (p_old_day, p_old_channel, p_old_status, p_old_offered, -1), (p_new_day, p_new_channel, p_new_status, p_new_offered, 1))
    AS v(day, channel, status, offered, delta)
  WHERE v.day IS NOT NULL
  GROUP BY v.day, v.channel, v.status, v.offered
  HAVING sum(v.delta) <> 0
  ORDER BY v.day, v.channel, v.status, v.offered
  ON CONFLICT (account_id, day, channel, status, offered) DO UPDATE SET conversations = d.conversations + excluded.conversations;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_add_escalations(p_account uuid, p_old_day date, p_old_channel conversation_channel, p_old_destination helpdesk_destination, p_old_status escalation_status, p_old_bucket smallint,
  p_new_day date, p_new_channel conversation_channel, p_new_destination helpdesk_destination, p_new_status escalation_status, p_new_bucket smallint) RETURNS void
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
-- Moves a conversation out of the row of its old state (UPDATE, DELETE) into the row of its new one (INSERT, UPDATE).
CREATE FUNCTION overview_conversations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM overview_add_conversations(NEW.account_id, NULL, NULL, NULL, NULL,
      NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM overview_add_conversations(OLD.account_id, OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at),
      NULL, NULL, NULL, NULL);
  ELSIF OLD.account_id = NEW.account_id THEN
    PERFORM overview_add_conversations(NEW.account_id, OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at),
      NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at));
  ELSE
    PERFORM overview_add_conversations(OLD.account_id, OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), NULL, NULL, NULL, NULL);
    PERFORM overview_add_conversations(NEW.account_id, NULL, NULL, NULL, NULL, NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_escalations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM overview_add_escalations(NEW.account_id, NULL, NULL, NULL, NULL, NULL,
      NEW.conversation_day, NEW.conversation_channel, NEW.destination, NEW.status, overview_reply_bucket_of(NEW.created_at, NEW.first_human_reply_at));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM overview_add_escalations(OLD.account_id, OLD.conversation_day, OLD.conversation_channel, OLD.destination, OLD.status, overview_reply_bucket_of(OLD.created_at, OLD.first_human_reply_at),
      NULL, NULL, NULL, NULL, NULL);
  ELSIF OLD.account_id = NEW.account_id THEN
    PERFORM overview_add_escalations(NEW.account_id,
      OLD.conversation_day, OLD.conversation_channel, OLD.destination, OLD.status, overview_reply_bucket_of(OLD.created_at, OLD.first_human_reply_at),
      NEW.conversation_day, NEW.conversation_channel, NEW.destination, NEW.status, overview_reply_bucket_of(NEW.created_at, NEW.first_human_reply_at));
  ELSE
    PERFORM overview_add_escalations(OLD.account_id, OLD.conversation_day, OLD.conversation_channel, OLD.destination, OLD.status, overview_reply_bucket_of(OLD.created_at, OLD.first_human_reply_at), NULL, NULL, NULL, NULL, NULL);
    PERFORM overview_add_escalations(NEW.account_id, NULL, NULL, NULL, NULL, NULL, NEW.conversation_day, NEW.conversation_channel, NEW.destination, NEW.status, overview_reply_bucket_of(NEW.created_at, NEW.first_human_reply_at));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A conversation's day and channel never change in Baton; if one did, its escalation would follow.
CREATE FUNCTION overview_conversation_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE escalations SET conversation_day = NEW.local_day, conversation_channel = NEW.channel WHERE conversation_id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The first offer of a human is stamped on the conversation, which moves it into the funnel.
CREATE FUNCTION overview_handoff_offered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations SET handoff_offered_at = NEW.at WHERE id = NEW.conversation_id AND handoff_offered_at IS NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Recomputes one account's aggregates from the raw rows (bulk loads with triggers off, repairs).
-- SHARE locks keep writers out meanwhile, so the result is exact.
CREATE FUNCTION overview_rebuild(p_account uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE conversations, escalations IN SHARE MODE;
  DELETE FROM overview_conversation_days WHERE account_id = p_account;
  DELETE FROM overview_escalation_days WHERE account_id = p_account;
  DELETE FROM overview_reply_time_days WHERE account_id = p_account;
  INSERT INTO overview_conversation_days (account_id, day, channel, status, offered, conversations)
  SELECT account_id, local_day, channel, status, overview_offered(status, channel, handoff_offered_at), count(*)
  FROM conversations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO overview_escalation_days (account_id, day, channel, destination, status, escalations)
  SELECT account_id, conversation_day, conversation_channel, destination, status, count(*)
  FROM escalations WHERE account_id = p_account
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO overview_reply_time_days (account_id, day, channel, bucket, replies)
  SELECT account_id, conversation_day, conversation_channel, overview_reply_bucket_of(created_at, first_human_reply_at), count(*)
  FROM escalations WHERE account_id = p_account AND first_human_reply_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
END
$$;
--> statement-breakpoint
-- Existing data: each conversation's day and first offer, each escalation's copy of them, then
-- every account's aggregates.
UPDATE conversations c SET local_day = (c.created_at AT TIME ZONE a.time_zone)::date FROM accounts a WHERE a.id = c.account_id;
--> statement-breakpoint
UPDATE conversations c SET handoff_offered_at = o.at
FROM (SELECT conversation_id, min(at) AS at FROM conversation_events WHERE type = 'handoff_offered' GROUP BY conversation_id) o
WHERE o.conversation_id = c.id;
--> statement-breakpoint
UPDATE escalations e SET conversation_day = c.local_day, conversation_channel = c.channel FROM conversations c WHERE c.id = e.conversation_id;
--> statement-breakpoint
SELECT overview_rebuild(id) FROM accounts;
--> statement-breakpoint
CREATE TRIGGER overview_conversation_local_day BEFORE INSERT ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_conversation_local_day();
--> statement-breakpoint
CREATE TRIGGER overview_escalation_conversation BEFORE INSERT ON escalations
FOR EACH ROW EXECUTE FUNCTION overview_escalation_conversation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_conversation_inserted AFTER INSERT ON conversations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_conversation_updated AFTER UPDATE ON conversations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.channel IS DISTINCT FROM NEW.channel
  OR OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.account_id IS DISTINCT FROM NEW.account_id
  OR (OLD.handoff_offered_at IS NULL) <> (NEW.handoff_offered_at IS NULL)
) EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
-- Deletes count at once (a deferred count could find its account already gone).
CREATE TRIGGER overview_conversation_deleted AFTER DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_conversation_moved AFTER UPDATE ON conversations
FOR EACH ROW WHEN (OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.channel IS DISTINCT FROM NEW.channel)
EXECUTE FUNCTION overview_conversation_moved();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_escalation_inserted AFTER INSERT ON escalations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER overview_escalation_updated AFTER UPDATE ON escalations
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.destination IS DISTINCT FROM NEW.destination
  OR OLD.first_human_reply_at IS DISTINCT FROM NEW.first_human_reply_at OR OLD.created_at IS DISTINCT FROM NEW.created_at
  OR OLD.conversation_day IS DISTINCT FROM NEW.conversation_day OR OLD.conversation_channel IS DISTINCT FROM NEW.conversation_channel
  OR OLD.account_id IS DISTINCT FROM NEW.account_id
) EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_escalation_deleted AFTER DELETE ON escalations
FOR EACH ROW EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_handoff_offered AFTER INSERT ON conversation_events
FOR EACH ROW WHEN (NEW.type = 'handoff_offered') EXECUTE FUNCTION overview_handoff_offered();
