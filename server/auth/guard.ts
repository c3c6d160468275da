import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { canWrite, type WriteTarget } from '../../src/core/auth/permissions';
import { HttpError } from '../errors';

/** Refuses the write (403) unless the signed-in user's scope covers the target. */
export function assertCanWrite(req: FastifyRequest, target: WriteTarget): void {
  const u = req.user;
  if (!u) throw new HttpError(401, 'UNAUTHENTICATED', 'Cần đăng nhập (sign in required)');
  if (!canWrite(u, target)) {
    throw new HttpError(403, 'OUT_OF_SCOPE', 'Bản ghi nằm ngoài phạm vi được giao (the record is outside your assigned scope)', {
      target,
    });
  }
}

/** The write target of a cluster: its province, communes (current) and id. */
export async function clusterTarget(db: pg.Pool | pg.PoolClient, clusterId: number): Promise<WriteTarget> {
  const { rows } = await db.query<{ province_code: string; commune_codes_current: string[] }>(
    'SELECT province_code, commune_codes_current FROM clusters WHERE id = $1',
    [clusterId],
  );
  const r = rows[0];
  if (!r) throw new HttpError(404, 'NOT_FOUND', `Cluster ${clusterId} does not exist`);
  return { provinceCode: r.province_code, communeCodes: r.commune_codes_current, clusterId };
}
