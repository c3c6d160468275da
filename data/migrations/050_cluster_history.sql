-- Versioned cluster records, so a past reporting period can be reproduced (Circular 14/2024/TT-BCT:
-- figures "as of the period's end"). Every INSERT/UPDATE/DELETE on clusters closes the open history row
-- and (except DELETE) opens a new one holding the whole row as jsonb. Intervals are half-open
-- [valid_from, valid_to); the record valid at instant T is the row with valid_from < T <= valid_to
-- (valid_to NULL = still valid), i.e. the state just before T.
--
-- The effective time is clock_timestamp() (row locks order concurrent edits, so it never goes back)
-- unless the transaction says otherwise:
--   SET LOCAL ccn.effective_at = '2025-06-14 08:00+07';   (or set_config('ccn.effective_at', …, true))
-- which lets demo data and late data entry carry realistic dates. It may not go back before the
-- cluster's latest history entry (history is append-only in time; rewriting the past needs an
-- explicit correction, not a backdated edit).
CREATE TABLE cluster_history (
  id           bigserial PRIMARY KEY,
  cluster_id   integer NOT NULL,              -- no FK: history outlives a deleted cluster
  valid_from   timestamptz NOT NULL,
  valid_to     timestamptz,
  record       jsonb NOT NULL,                -- to_jsonb(clusters row)
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX cluster_history_open_idx ON cluster_history (cluster_id) WHERE valid_to IS NULL;
CREATE INDEX cluster_history_asof_idx ON cluster_history (cluster_id, valid_from);

COMMENT ON TABLE cluster_history IS
  'Versions of clusters rows (trigger clusters_history); effective time from ccn.effective_at or now()';

-- The instant a change takes effect: ccn.effective_at when set in this transaction, else the clock.
CREATE FUNCTION ccn_effective_at() RETURNS timestamptz LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  s text := current_setting('ccn.effective_at', true);
BEGIN
  IF s IS NULL OR btrim(s) = '' THEN
    RETURN clock_timestamp();
  END IF;
  RETURN s::timestamptz;
END
$$;

CREATE FUNCTION cluster_history_capture() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  eff       timestamptz := ccn_effective_at();
  cid       integer;
  open_id   bigint;
  open_from timestamptz;
  open_rec  jsonb;
  new_rec   jsonb;
BEGIN
  cid := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  SELECT id, valid_from, record INTO open_id, open_from, open_rec
  FROM cluster_history WHERE cluster_id = cid AND valid_to IS NULL FOR UPDATE;

  IF open_id IS NOT NULL AND eff < open_from THEN
    RAISE EXCEPTION 'ccn.effective_at (%) is before the latest history entry of cluster % (%)', eff, cid, open_from
      USING ERRCODE = '22023';
  END IF;

  IF TG_OP = 'DELETE' THEN
    UPDATE cluster_history SET valid_to = eff WHERE id = open_id;
    RETURN NULL;
  END IF;

  new_rec := to_jsonb(NEW);
  IF open_id IS NOT NULL THEN
    -- Nothing the reports read changed (only the timestamp or version): keep the open row.
    IF (open_rec - 'updated_at' - 'version') = (new_rec - 'updated_at' - 'version') THEN
      RETURN NULL;
    END IF;
    IF eff = open_from THEN
      -- A second change at the same instant replaces the state of that instant.
      UPDATE cluster_history SET record = new_rec, recorded_at = now() WHERE id = open_id;
      RETURN NULL;
    END IF;
    UPDATE cluster_history SET valid_to = eff WHERE id = open_id;
  END IF;
  INSERT INTO cluster_history (cluster_id, valid_from, record) VALUES (cid, eff, new_rec);
  RETURN NULL;
END
$$;

CREATE TRIGGER clusters_history
  AFTER INSERT OR UPDATE OR DELETE ON clusters
  FOR EACH ROW EXECUTE FUNCTION cluster_history_capture();

-- Rows that existed before this migration start their history when they were created.
INSERT INTO cluster_history (cluster_id, valid_from, record)
SELECT c.id, c.created_at, to_jsonb(c) FROM clusters c;
