/**
 * "Trim to buildable" ($1 boundary GeoJSON, $2 TM-3 SRID, $3 land codes to leave out,
 * $4 margin in metres, $5 smallest part kept in m²). The cut is made in the plane; the
 * result goes back to EPSG:4326, made valid, parts below $5 dropped.
 */
export const trimToBuildable = `
  WITH s AS MATERIALIZED (
    SELECT g4, ST_Transform(g4, $2::int) AS gp
    FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g4) AS i
  ),
  blk AS (
    SELECT ST_Union(derived.zone_in_plane(z.geom, z.geom_tm3, $2::int)) AS b, array_agg(DISTINCT z.land_code ORDER BY z.land_code) AS codes
    FROM plan_zones z, s
    WHERE z.land_code = ANY ($3::text[]) AND z.geom && s.g4 AND ST_Intersects(z.geom, s.g4)
  ),
  cut AS (
    SELECT CASE WHEN blk.b IS NULL THEN s.gp
                ELSE ST_CollectionExtract(ST_MakeValid(ST_Difference(s.gp, ST_Buffer(blk.b, $4::float8, 'join=mitre'))), 3) END AS g
    FROM s, blk
  ),
  parts AS (
    SELECT d.geom AS p, ST_Area(d.geom) AS a FROM cut, LATERAL ST_Dump(cut.g) AS d
  ),
  kept AS (
    SELECT ST_Multi(ST_Collect(p)) AS g FROM parts WHERE a >= $5::float8
  ),
  back AS (
    SELECT CASE WHEN kept.g IS NULL THEN NULL
                ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Transform(kept.g, 4326)), 3)) END AS g4
    FROM kept
  )
  SELECT ST_AsGeoJSON(back.g4, 9)::json AS geometry,
         (SELECT ST_Area(gp) / 10000 FROM s) AS original_ha,
         ST_Area(ST_Transform(back.g4, $2::int)) / 10000 AS area_ha,
         ST_Area(back.g4::geography) / 10000 AS ellipsoidal_ha,
         (SELECT count(*) FROM parts WHERE a >= $5::float8)::int AS parts,
         (SELECT count(*) FROM parts WHERE a < $5::float8)::int AS dropped_parts,
         (SELECT sum(a) / 10000 FROM parts WHERE a < $5::float8) AS dropped_ha,
         (SELECT codes FROM blk) AS removed_codes,
         ST_IsValid(back.g4) AS valid
  FROM back`;
