-- Generalised plan zones for low-zoom tiles (issue 8). At zoom ≤ 12 a tile of a 10^6-zone plan
-- would carry 10^4–10^5 polygons; instead it is drawn from zones DISSOLVED BY (layer, land code)
-- within cells aligned to Web-Mercator tiles, simplified for the zooms they serve:
--   level 13 cells (≈ 4.5 km) serve z12;  level 11 cells serve z11–z10;  level 9 cells serve z ≤ 9.
-- Level 13 is built from plan_zones, level 11 from level 13, level 9 from level 11.
-- Writes to plan_zones mark the level-13 cells they touch dirty (statement triggers); a tile
-- request that needs a dirty cell rebuilds it (and its parents) first, so tiles are never stale
-- (server/tiles/overview.ts). Derived data: lives in schema `derived`, not in backups.

-- Web-Mercator tile column / row of a longitude / latitude at zoom z (clamped to the grid).
CREATE FUNCTION derived.lon2tile(lon float8, z integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(floor((lon + 180.0) / 360.0 * (1 << z)), 0), (1 << z) - 1)::integer
$$;
CREATE FUNCTION derived.lat2tile(lat float8, z integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(floor((1.0 - ln(tan(radians(greatest(least(lat, 85.0511), -85.0511)))
         + 1.0 / cos(radians(greatest(least(lat, 85.0511), -85.0511)))) / pi()) / 2.0 * (1 << z)), 0), (1 << z) - 1)::integer
$$;

CREATE TABLE derived.plan_overview (
  level      smallint NOT NULL,
  cx         integer NOT NULL,
  cy         integer NOT NULL,
  layer_id   text NOT NULL,
  land_code  text NOT NULL,
  zones      integer NOT NULL,                 -- how many zones were dissolved into this piece
  geom       geometry(MultiPolygon, 4326) NOT NULL,
  PRIMARY KEY (level, cx, cy, layer_id, land_code)
);

-- Cells to rebuild: level 13 when their zones changed (triggers below); level 11 / 9 when a
-- child cell was rebuilt (marked in the same transaction, so an interrupted refresh resumes).
CREATE TABLE derived.overview_dirty (
  level  smallint NOT NULL,
  cx     integer NOT NULL,
  cy     integer NOT NULL,
  PRIMARY KEY (level, cx, cy)
);

CREATE FUNCTION derived.mark_overview_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO derived.overview_dirty (level, cx, cy)
    SELECT DISTINCT 13, x, y FROM new_rows n,
      LATERAL generate_series(derived.lon2tile(ST_XMin(n.geom), 13), derived.lon2tile(ST_XMax(n.geom), 13)) AS x,
      LATERAL generate_series(derived.lat2tile(ST_YMax(n.geom), 13), derived.lat2tile(ST_YMin(n.geom), 13)) AS y
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO derived.overview_dirty (level, cx, cy)
    SELECT DISTINCT 13, x, y FROM old_rows o,
      LATERAL generate_series(derived.lon2tile(ST_XMin(o.geom), 13), derived.lon2tile(ST_XMax(o.geom), 13)) AS x,
      LATERAL generate_series(derived.lat2tile(ST_YMax(o.geom), 13), derived.lat2tile(ST_YMin(o.geom), 13)) AS y
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION derived.clear_overview() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM derived.plan_overview;
  DELETE FROM derived.overview_dirty;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_zones_overview_ins AFTER INSERT ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.mark_overview_dirty();
CREATE TRIGGER plan_zones_overview_del AFTER DELETE ON plan_zones
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.mark_overview_dirty();
CREATE TRIGGER plan_zones_overview_upd AFTER UPDATE ON plan_zones
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.mark_overview_dirty();
CREATE TRIGGER plan_zones_overview_trunc AFTER TRUNCATE ON plan_zones
  FOR EACH STATEMENT EXECUTE FUNCTION derived.clear_overview();

-- Zones already there: their cells are built on first use.
INSERT INTO derived.overview_dirty (level, cx, cy)
SELECT DISTINCT 13, x, y FROM plan_zones n,
  LATERAL generate_series(derived.lon2tile(ST_XMin(n.geom), 13), derived.lon2tile(ST_XMax(n.geom), 13)) AS x,
  LATERAL generate_series(derived.lat2tile(ST_YMax(n.geom), 13), derived.lat2tile(ST_YMin(n.geom), 13)) AS y
ON CONFLICT DO NOTHING;
