ALTER TABLE "accounts" ADD COLUMN "knowledge_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- One bump per statement and account, however many rows it wrote (the demo seed inserts a
-- batch): the transition table names the accounts. An account deleted in the same statement
-- (its entries go by cascade) has no row left to bump.
CREATE FUNCTION knowledge_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts SET knowledge_version = knowledge_version + 1
  WHERE id IN (SELECT DISTINCT account_id FROM changed_rows);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER knowledge_entries_inserted AFTER INSERT ON knowledge_entries
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();--> statement-breakpoint
CREATE TRIGGER knowledge_entries_updated AFTER UPDATE ON knowledge_entries
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();--> statement-breakpoint
CREATE TRIGGER knowledge_entries_deleted AFTER DELETE ON knowledge_entries
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();--> statement-breakpoint
CREATE TRIGGER knowledge_synonyms_inserted AFTER INSERT ON knowledge_synonyms
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();--> statement-breakpoint
CREATE TRIGGER knowledge_synonyms_updated AFTER UPDATE ON knowledge_synonyms
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();--> statement-breakpoint
CREATE TRIGGER knowledge_synonyms_deleted AFTER DELETE ON knowledge_synonyms
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION knowledge_version_bump();
