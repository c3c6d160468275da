import type { Polygon } from 'geojson';
import type pg from 'pg';
import { toWkb } from '../../server/bulk/wkb';
import { withTransaction } from '../../server/db/database';
import { readFeatureFile } from '../../server/bulk/read-features';
import type { ParcelProps } from './province';

/**
 * Loads synthetic parcels (bench only) in batches of 5,000 (arrays + WKB): each village patch goes to the
 * nearest cluster and the commune under its centre. Synthetic rows are flagged `is_synthetic`.
 */
const insertParcels = `
  WITH r AS MATERIALIZED (
    SELECT * FROM unnest($1::int[], $2::float8[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::numeric[], $9::bytea[])
      AS r(patch, cx, cy, sheet, parcel_no, legal, status, area, wkb)
  ), pc AS MATERIALIZED (
    SELECT p.patch,
      (SELECT b.cluster_id FROM cluster_boundaries b WHERE b.is_current ORDER BY b.geom <-> p.pt LIMIT 1) AS cluster_id,
      (SELECT a.code FROM admin_units a WHERE a.level = 'commune' ORDER BY a.geom <-> p.pt LIMIT 1) AS commune_code
    FROM (SELECT DISTINCT patch, ST_SetSRID(ST_MakePoint(cx, cy), 4326) AS pt FROM r) AS p
  )
  INSERT INTO parcels (cluster_id, commune_code, map_sheet_no, parcel_no, legal_land_code, current_land_code,
                       status, planned_on, cadastral_area_m2, is_synthetic, geom)
  SELECT pc.cluster_id, pc.commune_code, r.sheet, r.parcel_no, r.legal, r.legal, r.status, DATE '2026-01-15', r.area, true,
         ST_GeomFromWKB(r.wkb, 4326)
  FROM r JOIN pc USING (patch)`;

interface Item {
  patch: number;
  cx: number;
  cy: number;
  sheet: string;
  parcel_no: string;
  legal: string;
  status: string;
  area: number;
  wkb: Buffer;
}

export async function loadParcels(pool: pg.Pool, file: string): Promise<number> {
  return withTransaction(pool, async (c) => {
    let batch: Item[] = [];
    let n = 0;
    const flush = async () => {
      if (!batch.length) return;
      const col = <K extends keyof Item>(k: K) => batch.map((b) => b[k]);
      await c.query(insertParcels, [col('patch'), col('cx'), col('cy'), col('sheet'), col('parcel_no'), col('legal'), col('status'), col('area'), col('wkb')]);
      n += batch.length;
      batch = [];
    };
    for await (const f of readFeatureFile(file)) {
      const { properties: p, geometry } = f as { properties: ParcelProps; geometry: Polygon };
      batch.push({
        patch: p.patch,
        cx: p.center[0]!,
        cy: p.center[1]!,
        sheet: p.sheet,
        parcel_no: p.parcel_no,
        legal: p.legal_land_code,
        status: p.status,
        area: p.cadastral_area_m2,
        wkb: toWkb(geometry as Polygon),
      });
      if (batch.length >= 5000) await flush();
    }
    await flush();
    return n;
  });
}
