-- Safety distances at scale (issue 8): the nearest plan zone of each category within a radius,
-- measured in the subject's TM-3 plane, WITHOUT transforming every candidate. Near the subject,
-- a distance in degrees d and the plane distance m of the same pair satisfy kx·d ≤ m ≤ ky·d
-- (kx, ky: metres per degree of longitude / latitude; ky/kx = 1/cos φ ≈ 1.09 at 23.5°N). So a
-- zone whose degree distance exceeds 1.25 × the smallest one of its category (a margin valid to
-- ~37° of latitude, TM-3 scale error included) cannot be the nearest: only the zones in that
-- band are transformed and measured exactly. Same result as measuring all of them (ties by id).
CREATE FUNCTION derived.nearest_by_category(g4 geometry, gp geometry, codes text[], categories text[], radius_m float8, radius_deg float8)
RETURNS TABLE (category text, name text, land_code text, distance_m float8)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH k AS (SELECT * FROM unnest(codes, categories) AS t(code, category)),
  c AS MATERIALIZED (
    SELECT k.category, z.id, z.name, z.land_code, z.geom, ST_Distance(z.geom, g4) AS dd
    FROM plan_zones z JOIN k ON k.code = z.land_code
    WHERE z.geom && ST_Expand(g4, radius_deg)
  ),
  b AS (SELECT c.category, min(c.dd) AS dmin FROM c GROUP BY c.category),
  m AS (
    SELECT c.category, c.id, c.name, c.land_code, ST_Distance(ST_Transform(c.geom, ST_SRID(gp)), gp) AS distance_m
    FROM c JOIN b ON b.category = c.category
    WHERE c.dd <= b.dmin * 1.25 + 1e-12
  )
  SELECT DISTINCT ON (m.category) m.category, m.name, m.land_code, m.distance_m
  FROM m WHERE m.distance_m <= radius_m
  ORDER BY m.category, m.distance_m, m.id
$$;
