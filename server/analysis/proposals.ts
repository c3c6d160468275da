import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import { HttpError } from '../errors';

/**
 * Proposals belong to the drawing/import feature (its own table and route). The analysis
 * reads them when the table exists: id, name, geometry, and the cluster they are for.
 */
export interface ProposalRow {
  id: number;
  name: string | null;
  clusterId: number | null;
  srid: number | null;
  geometry: Polygon | MultiPolygon;
}

type Columns = Set<string>;

/** The columns of a table of the current schema, or undefined when it does not exist. */
export async function tableColumns(q: pg.Pool | pg.PoolClient, table: string): Promise<Columns | undefined> {
  const { rows } = await q.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [table],
  );
  return rows.length ? new Set(rows.map((r) => r.column_name)) : undefined;
}

/** The proposal with this id; 404 when it (or the proposals table) does not exist. */
export async function loadProposal(q: pg.Pool | pg.PoolClient, id: number): Promise<ProposalRow> {
  const cols = await tableColumns(q, 'proposals');
  const geomCol = cols && ['geom', 'geometry', 'boundary'].find((c) => cols.has(c));
  if (!cols || !geomCol) throw new HttpError(404, 'NOT_FOUND', `Proposal ${id} does not exist (no proposals recorded yet)`);
  // Identifiers only from this allow-list of known column names.
  const name = cols.has('name') ? 'name' : 'NULL::text';
  const cluster = cols.has('cluster_id') ? 'cluster_id' : 'NULL::int';
  const srid = cols.has('tm3_srid') ? 'tm3_srid' : 'NULL::int';
  const { rows } = await q.query<{ id: number; name: string | null; cluster_id: number | null; srid: number | null; geometry: Polygon | MultiPolygon }>(
    `SELECT id, ${name} AS name, ${cluster} AS cluster_id, ${srid} AS srid, ST_AsGeoJSON(${geomCol}, 9)::json AS geometry FROM proposals WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new HttpError(404, 'NOT_FOUND', `Proposal ${id} does not exist`);
  return { id: r.id, name: r.name, clusterId: r.cluster_id, srid: r.srid, geometry: r.geometry };
}
