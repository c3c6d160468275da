import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import { HttpError } from '../errors';

/**
 * Proposals belong to the drawing/import feature (its own table and route). The analysis
 * reads id, name, geometry, and the cluster they are for.
 */
export interface ProposalRow {
  id: number;
  name: string | null;
  clusterId: number | null;
  srid: number | null;
  geometry: Polygon | MultiPolygon;
}

/** The proposal with this id; 404 when it does not exist. */
export async function loadProposal(q: pg.Pool | pg.PoolClient, id: number): Promise<ProposalRow> {
  const { rows } = await q.query<{ id: number; name: string | null; cluster_id: number | null; srid: number | null; geometry: Polygon | MultiPolygon }>(
    `SELECT id, name, cluster_id, tm3_srid AS srid, ST_AsGeoJSON(geom, 9)::json AS geometry FROM proposals WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new HttpError(404, 'NOT_FOUND', `Proposal ${id} does not exist`);
  return { id: r.id, name: r.name, clusterId: r.cluster_id, srid: r.srid, geometry: r.geometry };
}
