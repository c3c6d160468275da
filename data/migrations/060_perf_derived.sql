-- Province-scale performance (issue 8): derived data that makes tiles and the conflict check
-- fast on 10^6 plan zones. Everything here is REBUILT FROM plan_zones / parcels by the triggers
-- below, so it lives in its own schema `derived`: backups (server/db/backup.ts: the tables of the
-- current schema) leave it out, and a restore or an import rebuilds it as the rows go in.
DROP SCHEMA IF EXISTS derived CASCADE;
CREATE SCHEMA derived;

-- A change counter per tile collection, bumped by every statement that writes the table.
-- Part of each tile's ETag, so a tile changes as soon as its data does; `changed_at` keeps
-- ETags unique across a database reset (the counter starts again at 1).
CREATE TABLE derived.collection_versions (
  collection  text PRIMARY KEY,
  version     bigint NOT NULL,
  changed_at  timestamptz NOT NULL
);

CREATE FUNCTION derived.bump_collection_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived.collection_versions AS v (collection, version, changed_at)
  VALUES (TG_ARGV[0], 1, clock_timestamp())
  ON CONFLICT (collection) DO UPDATE SET version = v.version + 1, changed_at = clock_timestamp();
  RETURN NULL;
END $$;

CREATE TRIGGER plan_zones_collection_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_zones
  FOR EACH STATEMENT EXECUTE FUNCTION derived.bump_collection_version('plan_zones');
CREATE TRIGGER parcels_collection_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON parcels
  FOR EACH STATEMENT EXECUTE FUNCTION derived.bump_collection_version('parcels');

-- Zones and last change per plan layer, kept by statement triggers (transition tables), so
-- "which data was this computed from" never counts 10^6 rows.
CREATE TABLE derived.plan_layer_stats (
  layer_id    text PRIMARY KEY,
  zones       bigint NOT NULL,
  changed_at  timestamptz NOT NULL
);

-- Subdivided copies (ST_Subdivide, at most 256 vertices a piece) of the LARGE plan zones only
-- (more than 256 vertices): the conflict check reads the pieces of those near the subject
-- instead of intersecting a whole many-thousand-vertex polygon. Small zones are read as they are.
CREATE TABLE derived.plan_zone_pieces (
  zone_id  integer NOT NULL,
  geom     geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX plan_zone_pieces_geom_idx ON derived.plan_zone_pieces USING gist (geom);
CREATE INDEX plan_zone_pieces_zone_idx ON derived.plan_zone_pieces (zone_id);

/** Vertex count above which a zone is kept as subdivided pieces (also the piece size). */
CREATE FUNCTION derived.subdivide_vertices() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 256';

CREATE FUNCTION derived.plan_zones_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived.plan_layer_stats AS s (layer_id, zones, changed_at)
  SELECT layer_id, count(*), clock_timestamp() FROM new_rows GROUP BY layer_id
  ON CONFLICT (layer_id) DO UPDATE SET zones = s.zones + EXCLUDED.zones, changed_at = EXCLUDED.changed_at;
  INSERT INTO derived.plan_zone_pieces (zone_id, geom)
  SELECT n.id, ST_Subdivide(n.geom, derived.subdivide_vertices())
  FROM new_rows n WHERE ST_NPoints(n.geom) > derived.subdivide_vertices();
  RETURN NULL;
END $$;

CREATE FUNCTION derived.plan_zones_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived.plan_layer_stats AS s (layer_id, zones, changed_at)
  SELECT layer_id, -count(*), clock_timestamp() FROM old_rows GROUP BY layer_id
  ON CONFLICT (layer_id) DO UPDATE SET zones = s.zones + EXCLUDED.zones, changed_at = EXCLUDED.changed_at;
  DELETE FROM derived.plan_zone_pieces p USING old_rows o WHERE p.zone_id = o.id;
  RETURN NULL;
END $$;

CREATE FUNCTION derived.plan_zones_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derived.plan_layer_stats AS s (layer_id, zones, changed_at)
  SELECT layer_id, sum(n), clock_timestamp()
  FROM (SELECT layer_id, -1 AS n FROM old_rows UNION ALL SELECT layer_id, 1 FROM new_rows) AS d GROUP BY layer_id
  ON CONFLICT (layer_id) DO UPDATE SET zones = s.zones + EXCLUDED.zones, changed_at = EXCLUDED.changed_at;
  -- Only zones whose geometry changed (or whose id changed) are subdivided again.
  WITH changed AS (
    SELECT n.id, n.geom FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR NOT ST_OrderingEquals(n.geom, o.geom)
  ), gone AS (
    SELECT o.id FROM old_rows o LEFT JOIN new_rows n ON n.id = o.id WHERE n.id IS NULL
  ), dropped AS (
    DELETE FROM derived.plan_zone_pieces p WHERE p.zone_id IN (SELECT id FROM changed UNION ALL SELECT id FROM gone)
  )
  INSERT INTO derived.plan_zone_pieces (zone_id, geom)
  SELECT id, ST_Subdivide(geom, derived.subdivide_vertices()) FROM changed
  WHERE ST_NPoints(geom) > derived.subdivide_vertices();
  RETURN NULL;
END $$;

CREATE FUNCTION derived.plan_zones_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM derived.plan_zone_pieces;
  UPDATE derived.plan_layer_stats SET zones = 0, changed_at = clock_timestamp();
  RETURN NULL;
END $$;

CREATE TRIGGER plan_zones_derived_ins AFTER INSERT ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_inserted();
CREATE TRIGGER plan_zones_derived_del AFTER DELETE ON plan_zones
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_deleted();
CREATE TRIGGER plan_zones_derived_upd AFTER UPDATE ON plan_zones
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_updated();
CREATE TRIGGER plan_zones_derived_trunc AFTER TRUNCATE ON plan_zones
  FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_truncated();

-- The zones already there when this migration runs.
INSERT INTO derived.plan_layer_stats (layer_id, zones, changed_at)
SELECT layer_id, count(*), coalesce(max(updated_at), now()) FROM plan_zones GROUP BY layer_id;
INSERT INTO derived.plan_zone_pieces (zone_id, geom)
SELECT id, ST_Subdivide(geom, derived.subdivide_vertices()) FROM plan_zones WHERE ST_NPoints(geom) > derived.subdivide_vertices();
