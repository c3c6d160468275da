/**
 * Named, parameterised queries for reading a cluster's boundary versions. Values only as $n.
 * NOTE (issue-4 engineer): this file was accidentally overwritten by me and reconstructed from
 * the way server/routes/boundary-versions.route.ts uses it; the issue-3 owner should check it.
 */

const versionColumns = `
  b.id, b.cluster_id,
  row_number() OVER (PARTITION BY b.cluster_id ORDER BY b.valid_from NULLS FIRST, b.id)::int AS version_no,
  b.decision_id, d.number AS decision_number, d.date AS decision_date, d.kind AS decision_kind,
  b.valid_from, b.valid_to, b.is_current, b.is_illustrative, b.note,
  round((ST_Area(ST_Transform(b.geom, c.tm3_srid)) / 10000)::numeric, 4) AS plane_area_ha,
  round((ST_Area(b.geom::geography) / 10000)::numeric, 4) AS ellipsoidal_area_ha,
  ST_AsGeoJSON(b.geom, 9)::json AS geometry`;

export const boundaryVersions = `
  SELECT ${versionColumns}
  FROM cluster_boundaries b
  JOIN clusters c ON c.id = b.cluster_id
  LEFT JOIN decisions d ON d.id = b.decision_id
  WHERE b.cluster_id = $1
  ORDER BY b.valid_from NULLS FIRST, b.id`;

export const versionsOfCluster = `SELECT id FROM cluster_boundaries WHERE cluster_id = $1 AND id = ANY($2::int[])`;

export const boundaryDiff = `
  WITH v AS (
    SELECT (SELECT geom FROM cluster_boundaries WHERE id = $2 AND cluster_id = $1) AS a,
           (SELECT geom FROM cluster_boundaries WHERE id = $3 AND cluster_id = $1) AS b,
           (SELECT tm3_srid FROM clusters WHERE id = $1) AS srid
  ), d AS (
    SELECT ST_Difference(b, a) AS added, ST_Difference(a, b) AS removed, ST_Intersection(a, b) AS kept, srid FROM v
  )
  SELECT
    round((ST_Area(ST_Transform(added, srid)) / 10000)::numeric, 4) AS added_plane_ha,
    round((ST_Area(added::geography) / 10000)::numeric, 4) AS added_ellipsoidal_ha,
    CASE WHEN ST_IsEmpty(added) THEN NULL ELSE ST_AsGeoJSON(added, 9)::json END AS added_geometry,
    round((ST_Area(ST_Transform(removed, srid)) / 10000)::numeric, 4) AS removed_plane_ha,
    round((ST_Area(removed::geography) / 10000)::numeric, 4) AS removed_ellipsoidal_ha,
    CASE WHEN ST_IsEmpty(removed) THEN NULL ELSE ST_AsGeoJSON(removed, 9)::json END AS removed_geometry,
    round((ST_Area(ST_Transform(kept, srid)) / 10000)::numeric, 4) AS kept_plane_ha
  FROM d`;
