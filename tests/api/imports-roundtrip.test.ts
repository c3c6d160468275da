import ExcelJS from 'exceljs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toVn2000 } from '../../src/core/crs/transform';
import { startTestApp, stopTestApp, type TestContext } from './helpers';
import { multipartFile } from './multipart';

/**
 * Round trip: export Đình Lập to KML, Shapefile (WGS 84 and TM-3 .prj), GeoJSON and a CSV
 * marker table; import each back: plane area equal to ±0.01 ha, every vertex within 1 cm.
 */
let ctx: TestContext;
let id: number;
let original: Polygon | MultiPolygon;
let originalHa: number;
beforeAll(async () => {
  ctx = await startTestApp();
  const { rows } = await ctx.db.pool.query<{ id: number; g: MultiPolygon; ha: number }>(
    `SELECT c.id, ST_AsGeoJSON(b.geom, 12)::json AS g, ST_Area(ST_Transform(b.geom, 9215)) / 10000 AS ha
     FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = 'Cụm công nghiệp Đình Lập'`,
  );
  ({ id, g: original, ha: originalHa } = rows[0]!);
});
afterAll(() => stopTestApp(ctx));

const vertices = (g: Polygon | MultiPolygon): Position[] =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((rings) => rings.flatMap((r) => r.slice(0, -1)));

/** Largest distance (m, TM-3 plane) from a vertex of b to the nearest vertex of a, and the vertex counts. */
function vertexError(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const pa = vertices(a).map((p) => toVn2000(9215, p));
  const pb = vertices(b).map((p) => toVn2000(9215, p));
  expect(pb.length).toBe(pa.length);
  return Math.max(...pb.map((q) => Math.min(...pa.map((p) => Math.hypot(p[0] - q[0], p[1] - q[1])))));
}

async function exportThenImport(query: string, filename: string, importQuery = '') {
  const exp = await ctx.app.inject({ method: 'GET', url: `/api/exports/clusters/${id}?${query}` });
  expect(exp.statusCode, exp.body.slice(0, 200)).toBe(200);
  expect(exp.headers['content-disposition']).toContain('attachment');
  const { payload, headers } = multipartFile(filename, exp.rawPayload);
  const imp = await ctx.app.inject({ method: 'POST', url: `/api/imports${importQuery}`, payload, headers });
  expect(imp.statusCode, imp.body.slice(0, 300)).toBe(200);
  const f = imp.json().features[0] as { status: string; plane_area_ha: number; geometry: Polygon | MultiPolygon };
  expect(f.status).not.toBe('refused');
  return { f, exp };
}

describe('export → import round trip of Đình Lập', () => {
  it('starts from 71,39 ha', () => expect(originalHa.toFixed(2)).toBe('71.39'));

  for (const [label, query, file, iq] of [
    ['KML', 'format=kml', 'dinh-lap.kml', ''],
    ['GeoJSON', 'format=geojson', 'dinh-lap.geojson', ''],
    ['Shapefile, WGS 84 .prj', 'format=shp&crs=wgs84', 'dinh-lap.zip', ''],
    ['Shapefile, VN-2000 TM-3 .prj', 'format=shp&crs=tm3', 'dinh-lap.zip', ''],
    ['CSV marker table (TM-3)', 'format=csv', 'dinh-lap.csv', '?crs=9215'],
  ] as const) {
    it(`${label}: ±0.01 ha, vertices within 1 cm`, async () => {
      const { f } = await exportThenImport(query, file, iq);
      expect(Math.abs(f.plane_area_ha - originalHa)).toBeLessThanOrEqual(0.01);
      expect(vertexError(original, f.geometry)).toBeLessThan(0.01);
    });
  }

  it('the TM-3 Shapefile carries a VN-2000 107°15′ .prj and metre coordinates', async () => {
    const exp = await ctx.app.inject({ method: 'GET', url: `/api/exports/clusters/${id}?format=shp&crs=tm3` });
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(exp.rawPayload);
    const prj = await zip.file(/\.prj$/)[0]!.async('string');
    expect(prj).toContain('VN_2000');
    expect(prj).toContain('PARAMETER["Central_Meridian",107.25]');
    expect(prj).toContain('PARAMETER["Scale_Factor",0.9999]');
  });

  it('the XLSX marker table has marker, X, Y and edge length as numbers, and the area', async () => {
    const exp = await ctx.app.inject({ method: 'GET', url: `/api/exports/clusters/${id}?format=xlsx` });
    expect(exp.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exp.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Cụm công nghiệp Đình Lập');
    expect(String(ws.getCell('A3').value)).toBe('Diện tích: 71,39 ha');
    expect(ws.getRow(5).values).toEqual([undefined, 'Tên mốc', 'X (m)', 'Y (m)', 'Khoảng cách (m)']);
    const first = ws.getRow(6).values as unknown[];
    expect(first[1]).toBe('M1');
    expect(first[2]).toBeGreaterThan(2_380_000);
    expect(first[3]).toBeGreaterThan(480_000);
    expect(first[4]).toBeGreaterThan(0);
  });

  it('exports a draft sent in the body without storing it, and refuses a broken one with where', async () => {
    const ok = await ctx.app.inject({ method: 'POST', url: '/api/exports?format=csv', payload: { name: 'Nháp', features: [{ geometry: original }] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body.split('\r\n')[0]).toBe('\uFEFFTên mốc;X (m);Y (m);Khoảng cách (m)');
    const bad = await ctx.app.inject({
      method: 'POST', url: '/api/exports?format=kml',
      payload: { features: [{ geometry: { type: 'Polygon', coordinates: [[[107, 21], [107.01, 21.01], [107.01, 21], [107, 21.01], [107, 21]]] } }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.message_vi).toContain('Ranh giới tự cắt');
  });
});
