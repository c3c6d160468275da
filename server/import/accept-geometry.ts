import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import { describe } from '../../src/core/geometry/issues';
import { repairGeometry } from '../../src/core/geometry/repair';
import { HttpError } from '../errors';
import { geometryValidity } from '../sql/proposals.sql';

export interface Accepted {
  geometry: Polygon | MultiPolygon;
  repairs: { code: string; message: string; message_vi: string }[];
}

/**
 * The write path's geometry gate: safe repairs are made and reported; anything
 * unsafe is a 422 that says what and where; PostGIS ST_IsValid has the final word
 * (run on the transaction's own client).
 */
export async function acceptGeometry(client: pg.PoolClient | pg.Pool, input: unknown): Promise<Accepted> {
  const r = repairGeometry(input);
  if (!r.geometry) {
    const first = r.issues[0]!;
    throw new HttpError(422, 'GEOMETRY_INVALID', describe(first, 'en'), {
      message_vi: describe(first, 'vi'),
      issues: r.issues.map((x) => ({ code: x.code, where: x.where, message: describe(x, 'en'), message_vi: describe(x, 'vi') })),
    });
  }
  const { rows } = await client.query<{ valid: boolean; reason: string }>(geometryValidity, [JSON.stringify(r.geometry)]);
  if (!rows[0]?.valid)
    throw new HttpError(422, 'GEOMETRY_INVALID', `PostGIS: ${rows[0]?.reason}`, { message_vi: `PostGIS báo hình không hợp lệ: ${rows[0]?.reason}` });
  return { geometry: r.geometry, repairs: r.repairs.map((x) => ({ code: x.code, message: describe(x, 'en'), message_vi: describe(x, 'vi') })) };
}
