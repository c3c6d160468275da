-- Conflict check at scale (issue 8): the plan zones kept in the home province's TM-3 plane as well.
--
-- VN-2000 differs from WGS 84 by a 7-parameter Helmert shift, so every ST_Transform from EPSG:4326
-- runs a geocentric round trip per vertex (sincos, atan2, hypot): for the ~110 zones under a 70 ha
-- proposal that was 10–20 % of the overlap statement. The TM-3 copy is a generated column — written
-- by PostgreSQL with the row (imports, seeds, edits, restores alike), never stale, nothing to keep.
-- It is in the home province's zone (Lạng Sơn, EPSG 9215: src/core/crs/vn2000.ts LANG_SON_TM3); a
-- subject in another zone is compared with zones transformed on the fly as before, so results never
-- depend on it. Same PROJ pipeline either way: the stored vertices are those ST_Transform gives.
CREATE FUNCTION derived.home_tm3_srid() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT 9215';

-- A zone in the plane `srid`: its stored copy in the home zone, else transformed (inlined by the planner).
CREATE FUNCTION derived.zone_in_plane(geom geometry, geom_tm3 geometry, srid integer) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  'SELECT CASE WHEN srid = derived.home_tm3_srid() THEN geom_tm3 ELSE ST_Transform(geom, srid) END';

-- `subdivided`: whether a zone is kept as ST_Subdivide pieces (migration 060: more than 256 vertices),
-- read with the row, so the zones near a subject are told apart without reading a large zone's
-- geometry (a 4,000-vertex forest is ~64 KB of TOAST, which ST_Intersects read before the pieces ruled
-- it out). One ALTER: the table is rewritten once.
ALTER TABLE plan_zones
  ADD COLUMN geom_tm3 geometry GENERATED ALWAYS AS (ST_Transform(geom, derived.home_tm3_srid())) STORED,
  ADD COLUMN subdivided boolean GENERATED ALWAYS AS (ST_NPoints(geom) > derived.subdivide_vertices()) STORED;

-- The zones near `g` with their geometry in the plane `srid` as well (`geom_p`: the stored copy in
-- the home zone, else transformed here). Index first (`&&` on EPSG:4326). A large zone is near when
-- one of its pieces touches `g`; it then comes whole in the plane, with `geom` NULL: no union of
-- pieces (~1 ms for the ~800 vertices of a forest's nearby pieces, and their cut lines, straight in
-- EPSG:4326, would not meet exactly in the plane), since GEOS's overlay clips each input to the
-- other's envelope before it nodes anything (OverlayNG), so a 4,000-vertex forest cut by a 70 ha
-- subject costs about what its nearby part would.
DROP FUNCTION derived.plan_zones_near(geometry);
CREATE FUNCTION derived.plan_zones_near(g geometry, srid integer)
RETURNS TABLE (id integer, layer_id text, land_code text, original_code text, name text, geom geometry, geom_p geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, z.geom, derived.zone_in_plane(z.geom, z.geom_tm3, srid)
  FROM plan_zones z
  WHERE z.geom && g AND NOT z.subdivided AND ST_Intersects(z.geom, g)
  UNION ALL
  SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, NULL::geometry, derived.zone_in_plane(z.geom, z.geom_tm3, srid)
  FROM plan_zones z
  WHERE z.id IN (SELECT p.zone_id FROM derived.plan_zone_pieces p WHERE p.geom && g AND ST_Intersects(p.geom, g))
$$;
