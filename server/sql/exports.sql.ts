/** Named, parameterised queries for exports. Values only as $n. */

export const exportClusters = `
  SELECT c.id, c.name, c.tm3_srid, ST_AsGeoJSON(b.geom, 9)::json AS geometry
  FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
  WHERE $1::int[] IS NULL OR c.id = ANY($1::int[])
  ORDER BY c.name`;

export const exportProposal = `SELECT id, name, tm3_srid, ST_AsGeoJSON(geom, 9)::json AS geometry FROM proposals WHERE id = $1`;
