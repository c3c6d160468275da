-- Safety distances at scale (issue 8): the nearest zone of each category (migration 063, 067) with
-- less work per candidate, the same answers.
--
-- 1. A zone that meets the subject (distance 0 in EPSG:4326) is at distance 0: it is no longer
--    transformed and measured in the plane. A subject drawn over a village has dozens of residential
--    zones at distance 0, all of them in the band before, each a transform (VN-2000's Helmert shift
--    per vertex) and a distance.
-- 2. Zones in the band are measured with their stored TM-3 copy (migration 068) in the home zone.
CREATE OR REPLACE FUNCTION derived.nearest_by_category(g4 geometry, gp geometry, codes text[], categories text[], radius_m float8, radius_deg float8)
RETURNS TABLE (category text, name text, land_code text, distance_m float8)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH k AS (SELECT * FROM unnest(codes, categories) AS t(code, category)),
  c AS MATERIALIZED (
    SELECT k.category, z.id, z.name, z.land_code, z.geom, z.geom_tm3, ST_Distance(z.geom, g4) AS dd
    FROM plan_zones z JOIN k ON k.code = z.land_code
    WHERE z.geom && ST_Expand(g4, radius_deg)
  ),
  band AS MATERIALIZED (
    SELECT c.category, c.id, c.name, c.land_code, c.geom, c.geom_tm3, c.dd
    FROM c JOIN (SELECT c.category, min(c.dd) AS dmin FROM c GROUP BY c.category) AS b ON b.category = c.category
    WHERE c.dd <= b.dmin * 1.25 + 1e-12
  ),
  m AS (
    SELECT band.*,
           CASE WHEN band.dd = 0 THEN 0
                ELSE ST_Distance(derived.zone_in_plane(band.geom, band.geom_tm3, ST_SRID(gp)), gp) END AS distance_m
    FROM band
  )
  SELECT DISTINCT ON (m.category) m.category, m.name, m.land_code, m.distance_m
  FROM m WHERE m.distance_m <= radius_m
  ORDER BY m.category, m.distance_m, m.id
$$;
