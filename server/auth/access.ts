import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import type { Role, WriteTarget } from '../../src/core/auth/permissions';
import { HttpError } from '../errors';

/**
 * Who may call which write route — one server-side table for the whole API,
 * keyed by `METHOD /route/:pattern`. The authorization matrix test fails when a
 * write route is missing here: an unlisted write route is admin-only.
 */

/** Writes that change nothing stored (analysis, file generation): open to anyone who may read. */
export const PUBLIC_WRITES = new Set([
  'POST /api/auth/login',
  'POST /api/analysis/conflicts',
  'POST /api/analysis/compare',
  'POST /api/analysis/trim',
  'POST /api/analysis/report',
  'POST /api/exports',
]);

/** Routes open to every signed-in user (their own session and password). */
export const SIGNED_IN_WRITES = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

/** Admin-only routes. */
export const ADMIN_WRITES = new Set(['POST /api/users', 'POST /api/users/:id/tokens']);

type Resolver = (req: FastifyRequest, db: pg.Pool) => Promise<WriteTarget>;

const PROVINCE = '20';

async function clusterOf(db: pg.Pool, clusterId: unknown): Promise<WriteTarget> {
  const id = Number(clusterId);
  if (!Number.isInteger(id) || id < 1 || id > 2147483647) return { provinceCode: PROVINCE };
  const { rows } = await db.query<{ province_code: string; commune_codes_current: string[] }>(
    'SELECT province_code, commune_codes_current FROM clusters WHERE id = $1',
    [id],
  );
  // A cluster that does not exist: let the route answer its own 404.
  if (!rows[0]) return { provinceCode: PROVINCE, clusterId: id };
  return { provinceCode: rows[0].province_code, communeCodes: rows[0].commune_codes_current, clusterId: id };
}

/** The cluster a row belongs to, through a fixed (allow-listed) query. */
const via = (sql: string): Resolver => async (req, db) => {
  const id = Number((req.params as { id?: unknown }).id);
  if (!Number.isInteger(id) || id < 1 || id > 2147483647) return { provinceCode: PROVINCE };
  const { rows } = await db.query<{ cluster_id: number | null }>(sql, [id]);
  return clusterOf(db, rows[0]?.cluster_id);
};

const param: Resolver = (req, db) => clusterOf(db, (req.params as { id?: unknown }).id);
const body: Resolver = (req, db) => clusterOf(db, (req.body as { cluster_id?: unknown } | undefined)?.cluster_id);
const query: Resolver = (req, db) => clusterOf(db, (req.query as { cluster_id?: unknown } | undefined)?.cluster_id);
const province: Resolver = async () => ({ provinceCode: PROVINCE });

/** Parcels of a bulk transition: the write touches every cluster they belong to. */
const bulkParcels: Resolver = async (req, db) => {
  const ids = ((req.body as { items?: { id?: unknown }[] } | undefined)?.items ?? []).map((i) => Number(i.id)).filter(Number.isInteger);
  const { rows } = await db.query<{ cluster_id: number }>('SELECT DISTINCT cluster_id FROM parcels WHERE id = ANY($1::int[])', [ids]);
  if (rows.length !== 1) {
    const targets = await Promise.all(rows.map((r) => clusterOf(db, r.cluster_id)));
    return {
      provinceCode: PROVINCE,
      communeCodes: targets.flatMap((t) => t.communeCodes ?? []),
      clusterId: rows.length === 0 ? undefined : -1,
    };
  }
  return clusterOf(db, rows[0]!.cluster_id);
};

/** Editor scope of each write route: which record (province, communes, cluster) it changes. */
export const WRITE_SCOPES: Readonly<Record<string, Resolver>> = {
  'PATCH /api/clusters/:id': param,
  'POST /api/clusters/:id/decisions': param,
  'POST /api/clusters/:id/boundaries': param,
  'PATCH /api/decisions/:id': via('SELECT cluster_id FROM decisions WHERE id = $1'),
  'DELETE /api/decisions/:id': via('SELECT cluster_id FROM decisions WHERE id = $1'),
  'POST /api/proposals': async (req, db) => ((req.body as { cluster_id?: unknown })?.cluster_id ? body(req, db) : province(req, db)),
  'PATCH /api/proposals/:id': via('SELECT cluster_id FROM proposals WHERE id = $1'),
  'DELETE /api/proposals/:id': via('SELECT cluster_id FROM proposals WHERE id = $1'),
  'POST /api/imports': province,
  'POST /api/plots': body,
  'POST /api/plots/import': body,
  'POST /api/plots/import/preview': province,
  'PATCH /api/plots/:id': via('SELECT cluster_id FROM plots WHERE id = $1'),
  'DELETE /api/plots/:id': via('SELECT cluster_id FROM plots WHERE id = $1'),
  'POST /api/plots/:id/lease': via('SELECT cluster_id FROM plots WHERE id = $1'),
  'POST /api/plots/:id/release': via('SELECT cluster_id FROM plots WHERE id = $1'),
  'POST /api/projects': body,
  'PATCH /api/projects/:id': via('SELECT cluster_id FROM projects WHERE id = $1'),
  'DELETE /api/projects/:id': via('SELECT cluster_id FROM projects WHERE id = $1'),
  'PUT /api/projects/:id/reports/:period': via('SELECT cluster_id FROM projects WHERE id = $1'),
  'DELETE /api/projects/:id/reports/:period': via('SELECT cluster_id FROM projects WHERE id = $1'),
  'POST /api/inspections': body,
  'PATCH /api/inspections/:id': via('SELECT cluster_id FROM inspections WHERE id = $1'),
  'DELETE /api/inspections/:id': via('SELECT cluster_id FROM inspections WHERE id = $1'),
  'POST /api/inspections/:id/violations': via('SELECT cluster_id FROM inspections WHERE id = $1'),
  'PATCH /api/violations/:id': via('SELECT i.cluster_id FROM violations v JOIN inspections i ON i.id = v.inspection_id WHERE v.id = $1'),
  'DELETE /api/violations/:id': via('SELECT i.cluster_id FROM violations v JOIN inspections i ON i.id = v.inspection_id WHERE v.id = $1'),
  'POST /api/parcels': body,
  'POST /api/parcels/transitions': bulkParcels,
  'POST /api/parcels/imports': query,
  'POST /api/parcels/imports/preview': query,
  'PATCH /api/parcels/:id': via('SELECT cluster_id FROM parcels WHERE id = $1'),
  'DELETE /api/parcels/:id': via('SELECT cluster_id FROM parcels WHERE id = $1'),
  'POST /api/parcels/:id/transitions': via('SELECT cluster_id FROM parcels WHERE id = $1'),
  'DELETE /api/parcels/:id/transitions/last': via('SELECT cluster_id FROM parcels WHERE id = $1'),
};

/** Reads that show parcels and owners' personal data: signed-in users only unless configured public. */
export const PERSONAL_DATA_PREFIXES = ['/api/parcels', '/api/clearance', '/tiles/parcels/'];

export const routeKey = (req: FastifyRequest): string => `${req.method} ${req.routeOptions.url ?? ''}`;

/** The weakest role that may call a write route. */
export function minRoleFor(key: string): Role | 'anyone' | 'signed-in' {
  if (PUBLIC_WRITES.has(key)) return 'anyone';
  if (SIGNED_IN_WRITES.has(key)) return 'signed-in';
  if (ADMIN_WRITES.has(key) || !(key in WRITE_SCOPES)) return 'admin';
  return 'editor';
}

export async function writeTarget(req: FastifyRequest, db: pg.Pool): Promise<WriteTarget | undefined> {
  const resolve = WRITE_SCOPES[routeKey(req)];
  if (!resolve) return undefined;
  try {
    return await resolve(req, db);
  } catch (e) {
    throw new HttpError(400, 'BAD_TARGET', `Không xác định được bản ghi cần sửa (cannot tell which record this changes): ${(e as Error).message}`);
  }
}
