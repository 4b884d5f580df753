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
ALTER TABLE "overview_conversation_days" ADD CONSTRAINT "overview_conversation_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_escalation_days" ADD CONSTRAINT "overview_escalation_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overview_reply_time_days" ADD CONSTRAINT "overview_reply_time_days_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_unanswered_idx" ON "conversations" USING btree ("account_id","local_day","created_at") WHERE "conversations"."status" in ('routed', 'message_shown');--> statement-breakpoint
-- Overview aggregates, kept exact by triggers (hand-written below the generated part).
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
-- A conversation's day is fixed when it starts, in the account's time zone of that moment.
CREATE FUNCTION overview_conversation_local_day() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.local_day := coalesce((SELECT (NEW.created_at AT TIME ZONE a.time_zone)::date FROM accounts a WHERE a.id = NEW.account_id), NEW.local_day);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Adds (or, with a negative delta, removes) conversations from one aggregate row. Removal only
-- updates, and not at all while the account itself is being deleted (its aggregate rows cascade
-- away too, and touching them then would fail their foreign key check).
CREATE FUNCTION overview_add_conversations(p_account uuid, p_day date, p_channel conversation_channel, p_status conversation_status, p_offered boolean, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta > 0 THEN
    INSERT INTO overview_conversation_days AS d (account_id, day, channel, status, offered, conversations)
    VALUES (p_account, p_day, p_channel, p_status, p_offered, p_delta)
    ON CONFLICT (account_id, day, channel, status, offered) DO UPDATE SET conversations = d.conversations + excluded.conversations;
  ELSIF EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    UPDATE overview_conversation_days SET conversations = conversations + p_delta
    WHERE account_id = p_account AND day = p_day AND channel = p_channel AND status = p_status AND offered = p_offered;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_add_escalation(p_account uuid, p_day date, p_channel conversation_channel, p_destination helpdesk_destination, p_status escalation_status, p_bucket smallint, p_delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_delta > 0 THEN
    INSERT INTO overview_escalation_days AS d (account_id, day, channel, destination, status, escalations)
    VALUES (p_account, p_day, p_channel, p_destination, p_status, p_delta)
    ON CONFLICT (account_id, day, channel, destination, status) DO UPDATE SET escalations = d.escalations + excluded.escalations;
    IF p_bucket IS NOT NULL THEN
      INSERT INTO overview_reply_time_days AS r (account_id, day, channel, bucket, replies)
      VALUES (p_account, p_day, p_channel, p_bucket, p_delta)
      ON CONFLICT (account_id, day, channel, bucket) DO UPDATE SET replies = r.replies + excluded.replies;
    END IF;
  ELSIF EXISTS (SELECT 1 FROM accounts WHERE id = p_account) THEN
    UPDATE overview_escalation_days SET escalations = escalations + p_delta
    WHERE account_id = p_account AND day = p_day AND channel = p_channel AND destination = p_destination AND status = p_status;
    IF p_bucket IS NOT NULL THEN
      UPDATE overview_reply_time_days SET replies = replies + p_delta
      WHERE account_id = p_account AND day = p_day AND channel = p_channel AND bucket = p_bucket;
    END IF;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_conversations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  e record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM overview_add_conversations(NEW.account_id, NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at), 1);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    -- BEFORE DELETE: the escalation is still here (the cascade that deletes it runs after this
    -- row is gone, when its own trigger can no longer find the conversation's day).
    PERFORM overview_add_conversations(OLD.account_id, OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), -1);
    FOR e IN SELECT * FROM escalations WHERE conversation_id = OLD.id LOOP
      PERFORM overview_add_escalation(e.account_id, OLD.local_day, OLD.channel, e.destination, e.status,
        CASE WHEN e.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM e.first_human_reply_at - e.created_at)) END, -1);
    END LOOP;
    RETURN OLD;
  END IF;
  -- UPDATE. A conversation's day or channel never changes in Baton, but if one did, its
  -- escalation would move with it.
  IF OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.channel IS DISTINCT FROM NEW.channel THEN
    FOR e IN SELECT * FROM escalations WHERE conversation_id = OLD.id LOOP
      PERFORM overview_add_escalation(e.account_id, OLD.local_day, OLD.channel, e.destination, e.status,
        CASE WHEN e.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM e.first_human_reply_at - e.created_at)) END, -1);
      PERFORM overview_add_escalation(e.account_id, NEW.local_day, NEW.channel, e.destination, e.status,
        CASE WHEN e.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM e.first_human_reply_at - e.created_at)) END, 1);
    END LOOP;
  END IF;
  -- Move the conversation between rows in one statement that locks them in key order,
  -- so two transactions moving conversations in opposite directions cannot deadlock.
  INSERT INTO overview_conversation_days AS d (account_id, day, channel, status, offered, conversations)
  SELECT v.account_id, v.day, v.channel, v.status, v.offered, sum(v.delta)::integer
  FROM (VALUES
    (OLD.account_id, OLD.local_day, OLD.channel, OLD.status, overview_offered(OLD.status, OLD.channel, OLD.handoff_offered_at), -1),
    (NEW.account_id, NEW.local_day, NEW.channel, NEW.status, overview_offered(NEW.status, NEW.channel, NEW.handoff_offered_at), 1)
  ) AS v(account_id, day, channel, status, offered, delta)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(v.delta) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, day, channel, status, offered) DO UPDATE SET conversations = d.conversations + excluded.conversations;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION overview_escalations_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  -- Escalations count on their conversation's day and channel. A conversation that is gone was
  -- deleted with its escalation, and its trigger already took the escalation out.
  SELECT local_day, channel INTO c FROM conversations WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.conversation_id ELSE NEW.conversation_id END;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' OR TG_OP = 'DELETE' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM overview_add_escalation(NEW.account_id, c.local_day, c.channel, NEW.destination, NEW.status,
        CASE WHEN NEW.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM NEW.first_human_reply_at - NEW.created_at)) END, 1);
    ELSE
      PERFORM overview_add_escalation(OLD.account_id, c.local_day, c.channel, OLD.destination, OLD.status,
        CASE WHEN OLD.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM OLD.first_human_reply_at - OLD.created_at)) END, -1);
    END IF;
    RETURN NULL;
  END IF;
  -- UPDATE (an escalation never moves to another conversation): one ordered statement per table.
  INSERT INTO overview_escalation_days AS d (account_id, day, channel, destination, status, escalations)
  SELECT v.account_id, c.local_day, c.channel, v.destination, v.status, sum(v.delta)::integer
  FROM (VALUES (OLD.account_id, OLD.destination, OLD.status, -1), (NEW.account_id, NEW.destination, NEW.status, 1))
    AS v(account_id, destination, status, delta)
  GROUP BY v.account_id, v.destination, v.status
  HAVING sum(v.delta) <> 0
  ORDER BY v.account_id, v.destination, v.status
  ON CONFLICT (account_id, day, channel, destination, status) DO UPDATE SET escalations = d.escalations + excluded.escalations;

  INSERT INTO overview_reply_time_days AS r (account_id, day, channel, bucket, replies)
  SELECT v.account_id, c.local_day, c.channel, v.bucket, sum(v.delta)::integer
  FROM (VALUES
    (OLD.account_id, CASE WHEN OLD.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM OLD.first_human_reply_at - OLD.created_at)) END, -1),
    (NEW.account_id, CASE WHEN NEW.first_human_reply_at IS NULL THEN NULL ELSE overview_reply_bucket(extract(epoch FROM NEW.first_human_reply_at - NEW.created_at)) END, 1)
  ) AS v(account_id, bucket, delta)
  WHERE v.bucket IS NOT NULL
  GROUP BY v.account_id, v.bucket
  HAVING sum(v.delta) <> 0
  ORDER BY v.account_id, v.bucket
  ON CONFLICT (account_id, day, channel, bucket) DO UPDATE SET replies = r.replies + excluded.replies;
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
  SELECT e.account_id, c.local_day, c.channel, e.destination, e.status, count(*)
  FROM escalations e JOIN conversations c ON c.id = e.conversation_id
  WHERE e.account_id = p_account
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO overview_reply_time_days (account_id, day, channel, bucket, replies)
  SELECT e.account_id, c.local_day, c.channel, overview_reply_bucket(extract(epoch FROM e.first_human_reply_at - e.created_at)), count(*)
  FROM escalations e JOIN conversations c ON c.id = e.conversation_id
  WHERE e.account_id = p_account AND e.first_human_reply_at IS NOT NULL
  GROUP BY 1, 2, 3, 4;
END
$$;
--> statement-breakpoint
-- Existing data: fix each conversation's day and first offer, then aggregate every account.
UPDATE conversations c SET local_day = (c.created_at AT TIME ZONE a.time_zone)::date FROM accounts a WHERE a.id = c.account_id;
--> statement-breakpoint
UPDATE conversations c SET handoff_offered_at = o.at
FROM (SELECT conversation_id, min(at) AS at FROM conversation_events WHERE type = 'handoff_offered' GROUP BY conversation_id) o
WHERE o.conversation_id = c.id;
--> statement-breakpoint
SELECT overview_rebuild(id) FROM accounts;
--> statement-breakpoint
CREATE TRIGGER overview_conversation_local_day BEFORE INSERT ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_conversation_local_day();
--> statement-breakpoint
CREATE TRIGGER overview_conversation_inserted AFTER INSERT ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_conversation_updated AFTER UPDATE ON conversations
FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.channel IS DISTINCT FROM NEW.channel
  OR OLD.local_day IS DISTINCT FROM NEW.local_day OR OLD.account_id IS DISTINCT FROM NEW.account_id
  OR (OLD.handoff_offered_at IS NULL) <> (NEW.handoff_offered_at IS NULL)
) EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_conversation_deleted BEFORE DELETE ON conversations
FOR EACH ROW EXECUTE FUNCTION overview_conversations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_escalation_inserted AFTER INSERT ON escalations
FOR EACH ROW EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_escalation_updated AFTER UPDATE ON escalations
FOR EACH ROW WHEN (
  OLD.status IS DISTINCT FROM NEW.status OR OLD.destination IS DISTINCT FROM NEW.destination
  OR OLD.first_human_reply_at IS DISTINCT FROM NEW.first_human_reply_at OR OLD.created_at IS DISTINCT FROM NEW.created_at
  OR OLD.account_id IS DISTINCT FROM NEW.account_id
) EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_escalation_deleted AFTER DELETE ON escalations
FOR EACH ROW EXECUTE FUNCTION overview_escalations_changed();
--> statement-breakpoint
CREATE TRIGGER overview_handoff_offered AFTER INSERT ON conversation_events
FOR EACH ROW WHEN (NEW.type = 'handoff_offered') EXECUTE FUNCTION overview_handoff_offered();
