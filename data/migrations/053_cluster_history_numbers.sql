-- cluster_history and backups (server/db/backup.ts writes rows as JSON and reads them back); replaces 052:
-- 1. Numbers in the stored record lose trailing zeros (74.90 → 74.9), as any JSON round trip does,
--    so a restored history is identical to the original.
-- 2. Rows inserted into cluster_history directly (a restore, a hand correction) replace the rows the
--    clusters trigger wrote for that cluster earlier in the same transaction: a restore inserts the
--    clusters first (the trigger opens a version stamped with the restore's time), then their real
--    history. Trigger-written rows carry recorded_at = now() (the transaction's start); restored rows
--    keep their own.

DROP TRIGGER cluster_history_direct ON cluster_history;
DROP FUNCTION cluster_history_direct_insert();

-- Top-level jsonb numbers without trailing zeros.
CREATE FUNCTION ccn_jsonb_trim_numbers(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
    jsonb_object_agg(key, CASE WHEN jsonb_typeof(value) = 'number' THEN to_jsonb(trim_scale((value #>> '{}')::numeric)) ELSE value END),
    '{}'::jsonb)
  FROM jsonb_each(j)
$$;

CREATE FUNCTION cluster_history_before_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.record := ccn_jsonb_trim_numbers(NEW.record);
  -- Depth 1: the INSERT came from a statement, not from cluster_history_capture().
  IF TG_OP = 'INSERT' AND pg_trigger_depth() = 1 AND NEW.recorded_at IS DISTINCT FROM now() THEN
    DELETE FROM cluster_history WHERE cluster_id = NEW.cluster_id AND recorded_at = now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cluster_history_before_write
  BEFORE INSERT OR UPDATE OF record ON cluster_history
  FOR EACH ROW EXECUTE FUNCTION cluster_history_before_write();

UPDATE cluster_history SET record = record;
