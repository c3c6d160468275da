-- Conflict check at scale (issue 8), two faster paths with the same results.
--
-- 1. Safety distances: the planner pushed `distance_m <= radius_m` (a transform and a plane distance)
--    below the band join of migration 063, so it ran for EVERY candidate of the search box instead of
--    only those in the band (≤ 1.25 × the smallest degree distance of the category). The band is now
--    materialised before anything is transformed.
CREATE OR REPLACE FUNCTION derived.nearest_by_category(g4 geometry, gp geometry, codes text[], categories text[], radius_m float8, radius_deg float8)
RETURNS TABLE (category text, name text, land_code text, distance_m float8)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH k AS (SELECT * FROM unnest(codes, categories) AS t(code, category)),
  c AS MATERIALIZED (
    SELECT k.category, z.id, z.name, z.land_code, z.geom, ST_Distance(z.geom, g4) AS dd
    FROM plan_zones z JOIN k ON k.code = z.land_code
    WHERE z.geom && ST_Expand(g4, radius_deg)
  ),
  band AS MATERIALIZED (
    SELECT c.category, c.id, c.name, c.land_code, c.geom
    FROM c JOIN (SELECT c.category, min(c.dd) AS dmin FROM c GROUP BY c.category) AS b ON b.category = c.category
    WHERE c.dd <= b.dmin * 1.25 + 1e-12
  ),
  m AS (SELECT band.*, ST_Distance(ST_Transform(band.geom, ST_SRID(gp)), gp) AS distance_m FROM band)
  SELECT DISTINCT ON (m.category) m.category, m.name, m.land_code, m.distance_m
  FROM m WHERE m.distance_m <= radius_m
  ORDER BY m.category, m.distance_m, m.id
$$;

-- 2. Overlay of a plan zone with the subject: the floating-point overlay, and the fixed 1 mm precision
--    (OverlayNG snap-rounding) only when GEOS throws a TopologyException — on a PostGIS server, where
--    that is an SQL error the function can catch. Inside PGlite a GEOS exception is NOT an SQL error
--    (the statement returns no row and the connection goes out of step), so there the fixed precision
--    is always used. Areas differ by less than 10^-6 ha between the two.
DO $do$
BEGIN
  IF version() LIKE '%PGlite%' THEN
    CREATE FUNCTION derived.overlay_intersection(a geometry, b geometry) RETURNS geometry
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT ST_Intersection(a, b, 0.001) $f$;
  ELSE
    CREATE FUNCTION derived.overlay_intersection(a geometry, b geometry) RETURNS geometry
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $f$
    BEGIN
      RETURN ST_Intersection(a, b);
    EXCEPTION WHEN OTHERS THEN
      RETURN ST_Intersection(a, b, 0.001);
    END
    $f$;
  END IF;
END
$do$;
