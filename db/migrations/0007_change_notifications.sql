-- Live updates: every new conversation event and every change to an escalation is announced on
-- the `baton_changes` channel when its transaction commits. Server processes LISTEN and wake the
-- SSE streams of the inbox and of shoppers' widgets (lib/realtime/changes.ts).
CREATE OR REPLACE FUNCTION baton_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('baton_changes', json_build_object('accountId', NEW.account_id, 'conversationId', NEW.conversation_id, 'source', TG_TABLE_NAME)::text);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER conversation_events_notify AFTER INSERT ON conversation_events FOR EACH ROW EXECUTE FUNCTION baton_notify_change();--> statement-breakpoint
CREATE TRIGGER escalations_notify AFTER INSERT OR UPDATE ON escalations FOR EACH ROW EXECUTE FUNCTION baton_notify_change();
