/** Named, parameterised queries over proposals. Values only as $n. */

const columns = `
  p.id, p.name, p.note, p.origin, p.cluster_id, p.tm3_srid, p.source_file, p.version, p.created_by,
  p.created_at, p.updated_at,
  round((ST_Area(ST_Transform(p.geom, p.tm3_srid)) / 10000)::numeric, 4) AS plane_area_ha,
  round((ST_Area(p.geom::geography) / 10000)::numeric, 4) AS ellipsoidal_area_ha,
  ST_AsGeoJSON(p.geom, 9)::json AS geometry`;

export const listProposals = `SELECT ${columns} FROM proposals p ORDER BY p.updated_at DESC, p.id DESC`;

export const getProposal = `SELECT ${columns} FROM proposals p WHERE p.id = $1`;

export const insertProposal = `
  INSERT INTO proposals (name, note, origin, cluster_id, tm3_srid, source_file, created_by, geom)
  VALUES ($1, $2, $3, $4, $5, $6, $7, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($8), 4326)))
  RETURNING id`;

export const updateProposal = `
  UPDATE proposals SET
    name = COALESCE($3, name),
    note = CASE WHEN $4::boolean THEN $5 ELSE note END,
    geom = COALESCE(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)), geom),
    tm3_srid = COALESCE($7, tm3_srid),
    version = version + 1,
    updated_at = now()
  WHERE id = $1 AND version = $2
  RETURNING id`;

export const deleteProposal = `DELETE FROM proposals WHERE id = $1 AND version = $2 RETURNING id`;

export const proposalExists = `SELECT version FROM proposals WHERE id = $1`;

/** Validity by PostGIS, before any write (a bad geometry never reaches a table). */
export const geometryValidity = `
  SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
  FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x`;
