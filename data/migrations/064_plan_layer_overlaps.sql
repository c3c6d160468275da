-- Conflict check at scale (issue 8): which plan layers are known to have NO two zones whose
-- interiors overlap (a land-use plan is a tessellation). For such a layer, the area a subject
-- shares with the layer is the SUM of its pieces — no ST_Union of a hundred pieces per request.
--   free         verified: no two zones of the layer overlap (interiors)
--   overlapping  some do (the conflict check unions the pieces, as before)
--   unknown      not verified since a bulk write (also: unions)
-- Small writes (≤ 2,000 rows a statement) are checked against their neighbours at once by the
-- trigger below; a bulk import marks its layers unknown and `checkPlanLayerOverlaps`
-- (server/analysis/layer-overlaps.ts) verifies them afterwards, as the overview is rebuilt.
CREATE TABLE derived.plan_layer_overlaps (
  layer_id   text PRIMARY KEY,
  state      text NOT NULL CHECK (state IN ('free', 'overlapping', 'unknown')),
  -- Bumped by every bulk write: a verification in steps counts only if no bulk write came between.
  bulk_seq   bigint NOT NULL DEFAULT 0,
  checked_at timestamptz
);

/** Does this zone overlap (interiors) another zone of its layer? */
CREATE FUNCTION derived.zone_overlaps_any(zid integer, zlayer text, zgeom geometry) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM plan_zones o
    WHERE o.layer_id = zlayer AND o.id <> zid AND o.geom && zgeom AND ST_Relate(o.geom, zgeom, '2********')
  )
$$;

CREATE FUNCTION derived.plan_zones_overlaps_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM new_rows) > 2000 THEN
    INSERT INTO derived.plan_layer_overlaps AS o (layer_id, state)
    SELECT DISTINCT layer_id, 'unknown' FROM new_rows
    ON CONFLICT (layer_id) DO UPDATE
      SET state = CASE WHEN o.state = 'overlapping' THEN 'overlapping' ELSE 'unknown' END, bulk_seq = o.bulk_seq + 1;
  ELSE
    -- A layer seen for the first time starts free; then each written zone is checked.
    INSERT INTO derived.plan_layer_overlaps (layer_id, state)
    SELECT DISTINCT layer_id, 'free' FROM new_rows
    ON CONFLICT (layer_id) DO NOTHING;
    -- One writer at a time per layer: a concurrent writer's zones are committed (and seen) before ours are checked.
    PERFORM 1 FROM derived.plan_layer_overlaps WHERE layer_id IN (SELECT layer_id FROM new_rows) FOR UPDATE;
    UPDATE derived.plan_layer_overlaps o SET state = 'overlapping', checked_at = clock_timestamp()
    WHERE o.state <> 'overlapping'
      AND EXISTS (SELECT 1 FROM new_rows n WHERE n.layer_id = o.layer_id AND derived.zone_overlaps_any(n.id, n.layer_id, n.geom));
  END IF;
  RETURN NULL;
END $$;

-- Deleting zones never creates an overlap (an "overlapping" layer stays so until verified again).
CREATE FUNCTION derived.plan_zones_overlaps_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE derived.plan_layer_overlaps SET state = 'free', checked_at = clock_timestamp();
  RETURN NULL;
END $$;

-- Named to run after the plan_zones_derived_* triggers (same event: alphabetical order).
CREATE TRIGGER plan_zones_overlaps_ins AFTER INSERT ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_overlaps_written();
CREATE TRIGGER plan_zones_overlaps_upd AFTER UPDATE ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_overlaps_written();
CREATE TRIGGER plan_zones_overlaps_trunc AFTER TRUNCATE ON plan_zones
  FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_overlaps_truncated();

/**
 * Verifies one layer in steps: true when a zone with id in [lo, hi) overlaps (interiors) a zone of
 * the layer with a greater id — over all steps, every pair once.
 */
CREATE FUNCTION derived.layer_overlaps_in(layer text, lo integer, hi integer) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (
    SELECT 1 FROM plan_zones a JOIN plan_zones b ON b.layer_id = a.layer_id AND b.geom && a.geom AND b.id > a.id
    WHERE a.layer_id = layer AND a.id >= lo AND a.id < hi AND ST_Relate(a.geom, b.geom, '2********')
  )
$$;

-- The zones already there when this migration runs: every layer unknown until verified
-- (the server verifies unknown layers at start, in steps).
INSERT INTO derived.plan_layer_overlaps (layer_id, state)
SELECT id, CASE WHEN EXISTS (SELECT 1 FROM plan_zones z WHERE z.layer_id = l.id) THEN 'unknown' ELSE 'free' END
FROM plan_layers l;
