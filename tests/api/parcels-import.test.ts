import shpwrite from '@mapbox/shp-write';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromVn2000, toVn2000 } from '../../src/core/crs/transform';
import { prjFor } from '../../server/import/prj';
import { startTestApp, stopTestApp, type TestContext } from './helpers';
import { multipartFile } from './multipart';
import { BC, removeTestParcels, spot, type Spot } from './parcels-fixtures';

let ctx: TestContext;
let s: Spot;
let origin: [number, number];
beforeAll(async () => {
  ctx = await startTestApp();
  s = await spot(ctx.db);
  origin = toVn2000(9215, [s.lon, s.lat]);
  await removeTestParcels(ctx.db);
});
afterAll(async () => {
  await removeTestParcels(ctx.db);
  await ctx.db.pool.query(`DELETE FROM parcel_imports WHERE cluster_id = ${BC}`);
  await stopTestApp(ctx);
});

const SIDE = 20;
/** The i-th 20 m square of a grid in the TM-3 plane (coordinates in metres), 2 m apart. */
const squareM = (i: number): number[][] => {
  const x = origin[0] + (i % 100) * (SIDE + 2), y = origin[1] + Math.floor(i / 100) * (SIDE + 2);
  return [[x, y], [x, y + SIDE], [x + SIDE, y + SIDE], [x + SIDE, y], [x, y]];
};

interface Row { SHBANDO: string; SHTHUA: number; LOAIDAT: string; DIENTICH: number }
const row = (tag: string, i: number, code = 'CLN'): Row => ({ SHBANDO: `T-${tag}${Math.floor(i / 100)}`, SHTHUA: (i % 100) + 1, LOAIDAT: code, DIENTICH: 400 });

async function shapefile(rows: Row[], geom: (i: number) => number[][] = squareM): Promise<Buffer> {
  const fc = { type: 'FeatureCollection', features: rows.map((p, i) => ({ type: 'Feature', properties: p, geometry: { type: 'Polygon', coordinates: [geom(i)] } })) };
  return (await shpwrite.zip(fc as never, { outputType: 'nodebuffer', prj: prjFor(9215) } as never)) as unknown as Buffer;
}

const MAP = 'col_map_sheet_no=SHBANDO&col_parcel_no=SHTHUA&col_legal_land_code=LOAIDAT&col_cadastral_area_m2=DIENTICH';

async function upload(url: string, filename: string, data: Buffer, ndjson = false) {
  const { payload, headers } = multipartFile(filename, data);
  return ctx.app.inject({ method: 'POST', url, payload, headers: { ...headers, ...(ndjson ? { accept: 'application/x-ndjson' } : {}) } });
}
const count = async (like: string) =>
  (await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no LIKE $1`, [like])).rows[0]!.n;

describe('parcel import from cadastral files', () => {
  it('previews a Shapefile: VN-2000 .prj recognised, mapping suggested, rows mapped', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row('pv', i, i === 3 ? 'LUN' : 'CLN'));
    const res = await upload(`/api/parcels/imports/preview?cluster_id=${s.clusterId}`, 'thua-dat.zip', await shapefile(rows));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ format: 'shapefile', count: 30, crs: { epsg: 9215 }, missing: [] });
    expect(p.mapping).toEqual({ map_sheet_no: 'SHBANDO', parcel_no: 'SHTHUA', legal_land_code: 'LOAIDAT', cadastral_area_m2: 'DIENTICH' });
    expect(p.rows[3].values).toMatchObject({ map_sheet_no: 'T-pv0', parcel_no: '4', legal_land_code: 'LUK', original_land_code: 'LUN', planned_land_code: 'SKN' });
    expect(await count('T-pv%')).toBe(0);
  });

  it('imports 5,000 parcels from a Shapefile with progress, in the right place and size', async () => {
    const N = 5000;
    const zip = await shapefile(Array.from({ length: N }, (_, i) => row('big', i)));
    const t0 = Date.now();
    const res = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${MAP}&planned_on=2026-01-05`, 'thua-5000.zip', zip, true);
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const last = lines.at(-1);
    expect(last.type, res.body.slice(-500)).toBe('result');
    expect(last.result).toMatchObject({ total: N, created: N, updated: 0, format: 'shapefile' });
    const progress = lines.filter((l) => l.type === 'progress');
    for (const stage of ['check', 'write']) {
      const p = progress.filter((l) => l.stage === stage);
      expect(p.length, stage).toBeGreaterThan(0);
      expect(p.at(-1)).toMatchObject({ done: N, total: N });
      for (let i = 1; i < p.length; i++) expect(p[i].done).toBeGreaterThanOrEqual(p[i - 1].done);
    }
    console.log(`[parcels-import] ${N} parcels in ${Date.now() - t0} ms, ${progress.length} progress lines`);
    expect(await count('T-big%')).toBe(N);
    // Plane area 400 m² each; the first corner where the TM-3 coordinates put it (VN-2000 shift applied).
    const { rows } = await ctx.db.pool.query<{ m2: number; x: number; y: number; status: string; planned_on: string }>(
      `SELECT ST_Area(ST_Transform(geom, 9215)) AS m2, ST_XMin(geom) AS x, ST_YMin(geom) AS y, status, planned_on::text
       FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no = 'T-big0' AND parcel_no = '1'`,
    );
    expect(rows[0]!.m2).toBeCloseTo(400, 1);
    const [lon, lat] = fromVn2000(9215, [origin[0], origin[1]]);
    expect(Math.abs(rows[0]!.x - lon) * 103_000).toBeLessThan(0.05);
    expect(Math.abs(rows[0]!.y - lat) * 111_000).toBeLessThan(0.05);
    expect(rows[0]).toMatchObject({ status: 'plan', planned_on: '2026-01-05' });
  }, 300_000);

  it('re-import updates by (commune, sheet, parcel) and keeps the history', async () => {
    const { rows: [p] } = await ctx.db.pool.query<{ id: number; version: number }>(
      `SELECT id, version FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no = 'T-big0' AND parcel_no = '2'`,
    );
    const t = await ctx.app.inject({ method: 'POST', url: `/api/parcels/${p!.id}/transitions`, payload: { version: p!.version, action: 'hold_meeting', date: '2026-02-01' } });
    expect(t.statusCode).toBe(200);
    // Rows 0–9 again (row 1 now rice land, row 0 moved 1 m east) and two new parcels.
    const rows = [...Array.from({ length: 10 }, (_, i) => row('big', i, i === 1 ? 'LUC' : 'CLN')), row('big', 98), row('big', 99)].map((r, i) => (i >= 10 ? { ...r, SHBANDO: 'T-new0' } : r));
    const zip = await shapefile(rows, (i) => squareM(i).map(([x, y]) => [x! + (i === 0 ? 1 : 0), y!]));
    const res = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${MAP}`, 're-import.zip', zip);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 12, created: 2, updated: 10 });
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/parcels/${p!.id}` })).json();
    expect(after.properties).toMatchObject({ legal_land_code: 'LUC', status: 'meeting', version: p!.version + 2 });
    expect(after.events.map((e: { action: string }) => e.action)).toEqual(['hold_meeting']);
    const moved = await ctx.db.pool.query<{ x: number }>(`SELECT ST_XMin(ST_Transform(geom, 9215)) AS x FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no = 'T-big0' AND parcel_no = '1'`);
    expect(moved.rows[0]!.x - origin[0]).toBeCloseTo(1, 2);
    expect(await count('T-big%')).toBe(5000);
    expect(await count('T-new%')).toBe(2);
  }, 120_000);

  it('refuses a file with one broken geometry whole, naming the row; nothing is imported', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row('bad', i));
    const bowTie = (i: number) => (i === 36 ? (([a, b, c, d]) => [a!, c!, b!, d!, a!])(squareM(i)) : squareM(i));
    const res = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${MAP}`, 'mot-dong-hong.zip', await shapefile(rows, bowTie), true);
    const last = JSON.parse(res.body.trim().split('\n').at(-1)!);
    expect(last.type).toBe('error');
    expect(last.status).toBe(422);
    expect(last.error.code).toBe('IMPORT_REFUSED');
    expect(last.error.message).toMatch(/^Row 37 \(tờ T-bad0 thửa 37\): geometry refused/);
    expect(last.error.message).toContain('Nothing was imported');
    expect(last.error.details.message_vi).toContain('Dòng 37');
    expect(await count('T-bad%')).toBe(0);
  });

  it('refuses a row with an unknown land code, and a parcel listed twice', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row('bad', i, i === 11 ? 'XYZ' : 'CLN'));
    const res = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${MAP}`, 'ma-dat-sai.zip', await shapefile(rows));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^Row 12: legal_land_code: unknown land-use code "XYZ"/);
    expect(res.json().error.details).toMatchObject({ row: 12, field: 'legal_land_code' });
    const twice = Array.from({ length: 5 }, (_, i) => row('bad', i === 4 ? 1 : i));
    const res2 = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${MAP}`, 'trung.zip', await shapefile(twice));
    expect(res2.json().error.message).toMatch(/^Row 5 \(tờ T-bad0 thửa 2\): the same parcel as row 2/);
    const noMap = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&col_parcel_no=SHTHUA`, 'x.zip', await shapefile(twice));
    expect(noMap.statusCode).toBe(400);
    expect(noMap.json().error.code).toBe('MAPPING_INCOMPLETE');
    expect(await count('T-bad%')).toBe(0);
  });

  it('imports GeoJSON (lon/lat) and CSV (VN-2000 X/Y, one row per vertex)', async () => {
    const gj = {
      type: 'FeatureCollection',
      features: [0, 1].map((i) => ({
        type: 'Feature',
        properties: { to_ban_do: 'T-gj', so_thua: String(i + 1), loai_dat: 'HNK' },
        geometry: { type: 'Polygon', coordinates: [squareM(300 + i).map((p) => fromVn2000(9215, [p[0]!, p[1]!]))] },
      })),
    };
    const prev = await upload(`/api/parcels/imports/preview?cluster_id=${s.clusterId}`, 'thua.geojson', Buffer.from(JSON.stringify(gj)));
    expect(prev.json().mapping).toMatchObject({ map_sheet_no: 'to_ban_do', parcel_no: 'so_thua', legal_land_code: 'loai_dat' });
    const res = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&col_map_sheet_no=to_ban_do&col_parcel_no=so_thua&col_legal_land_code=loai_dat`, 'thua.geojson', Buffer.from(JSON.stringify(gj)));
    expect(res.json()).toMatchObject({ created: 2, format: 'geojson' });

    const lines = ['Tờ bản đồ;Số thửa;Loại đất;X;Y'];
    for (const i of [310, 311]) for (const [e, n] of squareM(i).slice(0, 4)) lines.push(`T-csv;${i - 309};ONT;${n!.toFixed(3).replace('.', ',')};${e!.toFixed(3).replace('.', ',')}`);
    const csv = Buffer.from(lines.join('\n'));
    const p2 = await upload(`/api/parcels/imports/preview?cluster_id=${s.clusterId}`, 'toa-do.csv', csv);
    expect(p2.json()).toMatchObject({ count: 2, format: 'csv', mapping: { map_sheet_no: 'Tờ bản đồ', parcel_no: 'Số thửa', legal_land_code: 'Loại đất' } });
    const q = 'col_map_sheet_no=T%E1%BB%9D%20b%E1%BA%A3n%20%C4%91%E1%BB%93&col_parcel_no=S%E1%BB%91%20th%E1%BB%ADa&col_legal_land_code=Lo%E1%BA%A1i%20%C4%91%E1%BA%A5t';
    const r2 = await upload(`/api/parcels/imports?cluster_id=${s.clusterId}&${q}`, 'toa-do.csv', csv);
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ created: 2, format: 'csv' });
    const a = await ctx.db.pool.query<{ m2: number }>(`SELECT ST_Area(ST_Transform(geom, 9215)) AS m2 FROM parcels WHERE cluster_id = ${BC} AND map_sheet_no = 'T-csv' ORDER BY parcel_no`);
    expect(a.rows.map((r) => Math.round(r.m2))).toEqual([400, 400]);
  });
});
