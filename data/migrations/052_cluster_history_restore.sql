-- Rows inserted into cluster_history directly (a restore from backup, a hand correction) replace the
-- rows the clusters trigger wrote for that cluster earlier in the same transaction: a restore inserts
-- the clusters (the trigger opens a version stamped with the restore's time), then their real history.
-- Trigger-written rows carry recorded_at = now() (the transaction's start); restored rows keep theirs.
-- (Superseded by 053, which also normalises numbers; kept because it may already be applied.)
CREATE FUNCTION cluster_history_direct_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Depth 1: the INSERT came from a statement, not from cluster_history_capture().
  IF pg_trigger_depth() = 1 AND NEW.recorded_at IS DISTINCT FROM now() THEN
    DELETE FROM cluster_history WHERE cluster_id = NEW.cluster_id AND recorded_at = now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cluster_history_direct
  BEFORE INSERT ON cluster_history
  FOR EACH ROW EXECUTE FUNCTION cluster_history_direct_insert();
