import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toShapefileZip } from '../../server/export/shapefile';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let dl: { id: number; lon: number; lat: number };
beforeAll(async () => {
  ctx = await startTestApp();
  // Đình Lập has no plots: the tests import a small plan at its centre, then remove it.
  dl = (await ctx.db.pool.query<{ id: number; lon: number; lat: number }>(
    `SELECT c.id, ST_X(ST_PointOnSurface(b.geom)) AS lon, ST_Y(ST_PointOnSurface(b.geom)) AS lat
     FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = 'Cụm công nghiệp Đình Lập'`,
  )).rows[0]!;
});
afterAll(async () => {
  await ctx?.db.pool.query('DELETE FROM plots WHERE cluster_id = $1', [dl.id]);
  await stopTestApp(ctx);
});

const D = 0.0008;
/** A 2×2 block of adjacent plots (two industrial, one green, one road) at the cluster's centre. */
function plan(shift = 0): Feature<Polygon>[] {
  const cell = (i: number, j: number, props: Record<string, unknown>): Feature<Polygon> => {
    const x0 = dl.lon + (i - 1) * D + shift, y0 = dl.lat + (j - 1) * D;
    return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + D, y0], [x0 + D, y0 + D], [x0, y0 + D], [x0, y0]]] } };
  };
  return [
    cell(0, 0, { MA_LO: 'A-01', CHUC_NANG: 'Đất nhà máy, kho tàng', DIEN_TICH: '0,74' }),
    cell(1, 0, { MA_LO: 'A-02', CHUC_NANG: 'Đất nhà máy, kho tàng', DIEN_TICH: '0,74' }),
    cell(0, 1, { MA_LO: 'CX-1', CHUC_NANG: 'Đất cây xanh', DIEN_TICH: '0,74' }),
    cell(1, 1, { MA_LO: 'GT-1', CHUC_NANG: 'Đất giao thông', DIEN_TICH: '0,74' }),
  ];
}

function multipart(filename: string, content: Buffer | string, type: string) {
  const boundary = '----h10test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface Preview {
  count: number;
  format: string;
  suggested: { code: string; landUse: string; planAreaHa: string };
  land_use_values: { value: string; land_use: string | null }[];
  features: { features: { geometry: unknown; properties: Record<string, unknown> }[] };
}

const preview = async (filename: string, content: Buffer | string, type: string, query = '') =>
  ctx.app.inject({ method: 'POST', url: `/api/plots/import/preview${query}`, ...multipart(filename, content, type) });

const plotCount = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM plots WHERE cluster_id = $1', [dl.id])).rows[0]!.n;

describe('importing plots from a detailed-plan file', () => {
  it('reads a GeoJSON plan, suggests the field mapping, and creates the plots with it', async () => {
    const res = await preview('qhct.geojson', JSON.stringify({ type: 'FeatureCollection', features: plan() }), 'application/geo+json');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Preview;
    expect(p.count).toBe(4);
    expect(p.suggested).toMatchObject({ code: 'MA_LO', landUse: 'CHUC_NANG', planAreaHa: 'DIEN_TICH' });
    expect(p.land_use_values).toEqual(
      expect.arrayContaining([
        { value: 'Đất nhà máy, kho tàng', land_use: 'industrial' },
        { value: 'Đất cây xanh', land_use: 'green' },
        { value: 'Đất giao thông', land_use: 'roads' },
      ]),
    );
    const commit = await ctx.app.inject({
      method: 'POST', url: '/api/plots/import',
      payload: {
        cluster_id: dl.id, filename: 'qhct.geojson',
        mapping: { code: 'MA_LO', land_use: 'CHUC_NANG', plan_area_ha: 'DIEN_TICH' },
        land_use_values: Object.fromEntries(p.land_use_values.map((v) => [v.value, v.land_use])),
        features: p.features.features.map((f) => ({ type: 'Feature', ...f })),
      },
    });
    expect(commit.statusCode, commit.body).toBe(201);
    const body = commit.json() as { created: number; occupancy: { computed: { industrial_plot_count: number; occupancy_pct: number } } };
    expect(body.created).toBe(4);
    expect(body.occupancy.computed).toMatchObject({ industrial_plot_count: 2, occupancy_pct: 0 });
    const rows = (await ctx.db.pool.query<{ code: string; land_use: string; plan_area_ha: number }>('SELECT code, land_use, plan_area_ha FROM plots WHERE cluster_id = $1 ORDER BY code', [dl.id])).rows;
    expect(rows).toEqual([
      { code: 'A-01', land_use: 'industrial', plan_area_ha: 0.74 },
      { code: 'A-02', land_use: 'industrial', plan_area_ha: 0.74 },
      { code: 'CX-1', land_use: 'green', plan_area_ha: 0.74 },
      { code: 'GT-1', land_use: 'roads', plan_area_ha: 0.74 },
    ]);
    const audit = await ctx.db.pool.query("SELECT after FROM audit_log WHERE entity = 'plot' AND action = 'import' ORDER BY id DESC LIMIT 1");
    expect(audit.rows[0].after.codes).toHaveLength(4);
  });

  it('refuses the whole file when a plot overlaps an existing one or leaves the cluster, listing each with code and location', async () => {
    const before = await plotCount();
    // Shifted by half a plot: every plot overlaps the plan imported above.
    const shifted = plan(D / 2).map((f, i) => ({ ...f, properties: { ...f.properties, MA_LO: `B-0${i}` } }));
    const outside = plan()[0]!;
    outside.properties = { MA_LO: 'XA-1', CHUC_NANG: 'Đất nhà máy, kho tàng' };
    outside.geometry.coordinates = [outside.geometry.coordinates[0]!.map(([x, y]) => [x! + 0.05, y!])];
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/plots/import',
      payload: { cluster_id: dl.id, mapping: { code: 'MA_LO', land_use: 'CHUC_NANG' }, features: [...shifted, outside] },
    });
    expect(res.statusCode).toBe(422);
    const e = res.json().error as { code: string; details: { problems: { plot_code: string; code: string; details: { location: { point: number[] } } }[] } };
    expect(e.code).toBe('IMPORT_REFUSED');
    const byCode = Object.fromEntries(e.details.problems.map((p) => [p.plot_code, p]));
    expect(byCode['B-00']!.code).toBe('PLOT_OVERLAP');
    expect(byCode['B-00']!.details.location.point).toHaveLength(2);
    expect(byCode['XA-1']!.code).toBe('PLOT_OUTSIDE_CLUSTER');
    expect(await plotCount()).toBe(before);
  });

  it('reads a zipped Shapefile drawn in VN-2000 TM-3 (with .prj) back to the same plots', async () => {
    const zip = await toShapefileZip(plan(0.01), 9215, 'qhct');
    const res = await preview('qhct.zip', zip, 'application/zip');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Preview;
    expect(p.format).toBe('shapefile');
    expect(p.count).toBe(4);
    // Reprojected to lon/lat: within 1 cm-ish (1e-7°) of the corners drawn.
    const first = (p.features.features.find((f) => f.properties.MA_LO === 'A-01')!.geometry as Polygon).coordinates[0]!;
    const xs = first.map((c) => c[0]!);
    expect(Math.min(...xs)).toBeCloseTo(dl.lon - D + 0.01, 6);
  });

  it('answers 4xx for DXF, an empty upload and a file without polygons', async () => {
    expect((await preview('plan.dxf', '0\nSECTION\n', 'application/dxf')).statusCode).toBe(415);
    expect((await preview('empty.geojson', '', 'application/geo+json')).statusCode).toBe(400);
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [106.5, 21.6] } }] };
    expect((await preview('points.geojson', JSON.stringify(points), 'application/geo+json')).statusCode).toBe(422);
    const unmapped = await ctx.app.inject({
      method: 'POST', url: '/api/plots/import',
      payload: { cluster_id: dl.id, mapping: { code: 'MA_LO', land_use: 'CHUC_NANG' }, features: [{ type: 'Feature', properties: { MA_LO: 'Z', CHUC_NANG: '???' }, geometry: plan(0.02)[0]!.geometry }] },
    });
    expect(unmapped.statusCode).toBe(422);
    expect(unmapped.json().error.details.problems[0].code).toBe('UNMAPPED_LAND_USE');
  });
});
