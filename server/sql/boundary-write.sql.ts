/** Named, parameterised queries for WRITING a cluster's boundary versions (issue 4). Values only as $n. */

export const lockCluster = `SELECT id, version, tm3_srid FROM clusters WHERE id = $1 FOR UPDATE`;

export const decisionOfCluster = `SELECT id, date FROM decisions WHERE id = $1 AND cluster_id = $2`;

export const currentBoundary = `
  SELECT id, decision_id, valid_from, is_illustrative,
         round((ST_Area(ST_Transform(geom, $2::int)) / 10000)::numeric, 4) AS plane_area_ha
  FROM cluster_boundaries WHERE cluster_id = $1 AND is_current`;

export const closeBoundary = `
  UPDATE cluster_boundaries SET is_current = false, valid_to = $2 WHERE id = $1`;

export const insertBoundary = `
  INSERT INTO cluster_boundaries (cluster_id, decision_id, valid_from, is_current, is_illustrative, note, geom)
  VALUES ($1, $2, $3, true, $4, $5, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)))
  RETURNING id, valid_from,
    round((ST_Area(ST_Transform(geom, $7::int)) / 10000)::numeric, 4) AS plane_area_ha,
    round((ST_Area(geom::geography) / 10000)::numeric, 4) AS ellipsoidal_area_ha`;

export const bumpClusterVersion = `UPDATE clusters SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`;
