-- Conflict analysis at scale (issue 8): the plan zones near a geometry, for the overlap query
-- (server/sql/analysis.sql.ts). Index first (`&&` on EPSG:4326). A small zone comes as it is;
-- a LARGE zone (kept as ST_Subdivide pieces in derived.plan_zone_pieces, migration 060) comes as
-- the union of only its pieces that touch the geometry — so a 4,000-vertex forest polygon is
-- never transformed or intersected whole. Within `g`, the returned geometry equals the zone:
-- ST_Intersection / ST_CoveredBy with `g` give the same result as on the whole zone.
CREATE FUNCTION derived.plan_zones_near(g geometry)
RETURNS TABLE (id integer, layer_id text, land_code text, original_code text, name text, geom geometry)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, z.geom
  FROM plan_zones z
  WHERE z.geom && g
    AND NOT EXISTS (SELECT 1 FROM derived.plan_zone_pieces p WHERE p.zone_id = z.id)
    AND ST_Intersects(z.geom, g)
  UNION ALL
  SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, ST_Multi(ST_Union(p.geom))
  FROM derived.plan_zone_pieces p JOIN plan_zones z ON z.id = p.zone_id
  WHERE p.geom && g AND ST_Intersects(p.geom, g)
  GROUP BY z.id
$$;
