/**
 * Parcels the clearance API tests create for themselves, in the Bình Chương
 * cluster (which has no demo parcels), so the Đình Lập demo figures never move;
 * removed again (rows, owners, events) after the test file.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../server/db/database';

export const BC = "(SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Bình Chương')";
export const DL = "(SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập')";

export interface Spot {
  clusterId: number;
  commune: string;
  lon: number;
  lat: number;
}

/** A point inside Bình Chương and its commune. */
export async function spot(db: Database): Promise<Spot> {
  const { rows } = await db.pool.query<{ id: number; commune: string; lon: number; lat: number }>(
    `SELECT c.id, c.commune_codes_current[1] AS commune, ST_X(ST_PointOnSurface(b.geom)) AS lon, ST_Y(ST_PointOnSurface(b.geom)) AS lat
     FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.id = ${BC}`,
  );
  const r = rows[0]!;
  return { clusterId: r.id, commune: r.commune, lon: r.lon, lat: r.lat };
}

/** A ~20 m square, the i-th along a row east of the spot. */
export function square(s: Spot, i: number) {
  const d = 0.0002;
  const x = s.lon + (i % 20) * d * 1.2, y = s.lat + Math.floor(i / 20) * d * 1.2;
  return { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] };
}

/** Creates a test parcel through the API (sheet "T-<tag>"). */
export async function createParcel(app: FastifyInstance, s: Spot, tag: string, i: number, extra: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/parcels',
    payload: {
      cluster_id: s.clusterId, commune_code: s.commune, map_sheet_no: `T-${tag}`, parcel_no: String(i + 1),
      legal_land_code: 'CLN', planned_on: '2025-06-01', geometry: square(s, i), compensation_proposed: 100_000_000, ...extra,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create parcel: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; properties: { version: number; status: string } };
}

/** Removes every test parcel of Bình Chương (its events and owners go with it). */
export async function removeTestParcels(db: Database): Promise<void> {
  await db.pool.query(`DELETE FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no LIKE 'T-%'`);
}
