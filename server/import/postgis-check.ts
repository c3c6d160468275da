import type pg from 'pg';
import type { ImportedFeature } from './process';

/**
 * PostGIS has the final word on validity: geometries that passed the JS checks are
 * tested with ST_IsValid in one query; any it rejects is refused with its reason.
 * No row is written.
 */
export async function postgisCheck(pool: pg.Pool, features: ImportedFeature[]): Promise<void> {
  const ok = features.filter((f) => f.geometry);
  if (!ok.length) return;
  const { rows } = await pool.query<{ i: number; valid: boolean; reason: string }>(
    `SELECT (e.ordinality - 1)::int AS i, ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason
     FROM json_array_elements($1::json) WITH ORDINALITY AS e(j, ordinality),
          LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(e.j::text), 4326) AS g) AS x`,
    [JSON.stringify(ok.map((f) => f.geometry))],
  );
  for (const r of rows) {
    if (r.valid) continue;
    const f = ok[r.i]!;
    f.status = 'refused';
    f.geometry = null;
    f.plane_area_ha = f.ellipsoidal_area_ha = f.perimeter_m = null;
    f.issues.push({ code: 'POSTGIS_INVALID', message: `PostGIS: ${r.reason}`, message_vi: `PostGIS báo không hợp lệ: ${r.reason}` });
  }
}
