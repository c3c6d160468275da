import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planeAreaHa } from '../../src/core/geometry/area';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

const run = promisify(execFile);
let ctx: TestContext;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'ccn-ogc-'));

beforeAll(async () => {
  ctx = await startTestApp();
  // A real socket on a random port: GDAL talks HTTP to it.
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = ctx.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await stopTestApp(ctx);
  rmSync(work, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`, { headers: { Accept: 'application/geo+json, application/json' } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as Record<string, any> };
};
const COLLECTIONS = ['clusters', 'plan_zones', 'admin_units_province', 'admin_units_district', 'admin_units_commune'];

describe('OGC API – Features (Core + GeoJSON)', () => {
  it('has a landing page with the required links and declares its conformance classes', async () => {
    const landing = await get('/ogc');
    expect(landing.status).toBe(200);
    const rels = landing.body.links.map((l: { rel: string }) => l.rel);
    expect(rels).toEqual(expect.arrayContaining(['self', 'service-desc', 'conformance', 'data']));
    expect(landing.body.links.every((l: { href: string }) => l.href.startsWith(base))).toBe(true);
    const conf = await get('/ogc/conformance');
    expect(conf.body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      ]),
    );
  });

  it('lists the collections with their extent and items links', async () => {
    const res = await get('/ogc/collections');
    expect(res.body.collections.map((c: { id: string }) => c.id)).toEqual(COLLECTIONS);
    const clusters = res.body.collections[0];
    const [x0, y0, x1, y1] = clusters.extent.spatial.bbox[0];
    expect(x0).toBeGreaterThan(106);
    expect(y0).toBeGreaterThan(21.3);
    expect(x1).toBeLessThan(107.4);
    expect(y1).toBeLessThan(22.5);
    expect(clusters.links.find((l: { rel: string }) => l.rel === 'items').type).toBe('application/geo+json');
    expect((await get('/ogc/collections/plan_zones')).body.id).toBe('plan_zones');
    expect((await get('/ogc/collections/nope')).status).toBe(404);
  });

  it('pages items with limit / offset and next / prev links', async () => {
    const first = await get('/ogc/collections/clusters/items?limit=3');
    expect(first.type).toContain('application/geo+json');
    expect(first.body).toMatchObject({ type: 'FeatureCollection', numberMatched: 7, numberReturned: 3 });
    const next = first.body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(new URL(next.href).searchParams.get('offset')).toBe('3');
    expect(first.body.links.some((l: { rel: string }) => l.rel === 'prev')).toBe(false);
    const last = await get('/ogc/collections/clusters/items?limit=3&offset=6');
    expect(last.body.numberReturned).toBe(1);
    expect(last.body.links.some((l: { rel: string }) => l.rel === 'next')).toBe(false);
    expect(new URL(last.body.links.find((l: { rel: string }) => l.rel === 'prev').href).searchParams.get('offset')).toBe('3');
    // Following next links visits every feature once.
    const seen = new Set<number>();
    let url: string | undefined = '/ogc/collections/clusters/items?limit=2';
    while (url) {
      const page = await get(url.replace(base, ''));
      for (const f of page.body.features) seen.add(f.id);
      url = page.body.links.find((l: { rel: string }) => l.rel === 'next')?.href;
    }
    expect(seen.size).toBe(7);
  });

  it('filters by bbox (CRS84) and by the collection’s queryables', async () => {
    // Around Đình Lập only.
    const near = await get('/ogc/collections/clusters/items?bbox=107.08,21.54,107.11,21.57');
    expect(near.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Cụm công nghiệp Đình Lập']);
    expect(near.body.numberMatched).toBe(1);
    const relics = await get('/ogc/collections/plan_zones/items?layer_id=relics');
    expect(relics.body.numberMatched).toBe(3);
    expect(relics.body.features.every((f: { properties: { layer_id: string } }) => f.properties.layer_id === 'relics')).toBe(true);
    // Filters are kept on the paging links.
    const zones = await get('/ogc/collections/plan_zones/items?layer_id=land_use&limit=5');
    expect(zones.body.links.find((l: { rel: string }) => l.rel === 'next').href).toContain('layer_id=land_use');
    const bad = await get('/ogc/collections/clusters/items?bbox=107,21,106');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('bbox');
    const unknown = await get('/ogc/collections/clusters/items?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('colour');
  });

  it('serves one item, and 404 for a missing one', async () => {
    const list = await get('/ogc/collections/clusters/items?limit=1');
    const id = list.body.features[0].id;
    const one = await get(`/ogc/collections/clusters/items/${id}`);
    expect(one.body).toMatchObject({ type: 'Feature', id, geometry: { type: 'MultiPolygon' } });
    expect((await get('/ogc/collections/clusters/items/999999')).status).toBe(404);
    expect((await get('/ogc/collections/clusters/items/abc')).status).toBe(404);
    const commune = await get('/ogc/collections/admin_units_commune/items/06613');
    expect(commune.body.properties.full_name).toBe('Thị trấn Đình Lập');
  });
});

describe('GDAL reads the OGC API', () => {
  it('ogrinfo lists every collection with its feature count, without errors', async () => {
    const { stdout, stderr } = await run('ogrinfo', ['-ro', '-al', '-so', `OAPIF:${base}/ogc`], { timeout: 120_000 });
    expect(stderr).not.toMatch(/ERROR/);
    const counts = Object.fromEntries([...stdout.matchAll(/Layer name: (\w+)[\s\S]*?Feature Count: (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    const { rows } = await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM plan_zones');
    expect(counts).toEqual({ clusters: 7, plan_zones: rows[0]!.n, admin_units_province: 1, admin_units_district: 11, admin_units_commune: 226 });
  });

  it('ogr2ogr copies the clusters to a GeoPackage whose areas match the API', async () => {
    const gpkg = join(work, 'clusters.gpkg');
    const copy = await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${base}/ogc`, 'clusters'], { timeout: 120_000 });
    expect(copy.stderr).not.toMatch(/ERROR/);
    const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'clusters'], { maxBuffer: 64 * 1024 * 1024 });
    const fromGpkg = JSON.parse(stdout) as { features: { properties: { name: string; plane_area_ha: number }; geometry: MultiPolygon }[] };
    const api = (await ctx.app.inject({ method: 'GET', url: '/api/clusters' })).json() as {
      features: { properties: { name: string; plane_area_ha: number } }[];
    };
    expect(fromGpkg.features).toHaveLength(7);
    for (const f of fromGpkg.features) {
      const a = api.features.find((x) => x.properties.name === f.properties.name)!;
      expect(a, f.properties.name).toBeDefined();
      expect(f.properties.plane_area_ha).toBe(a.properties.plane_area_ha);
      // The geometry that came through GDAL has the same VN-2000 TM-3 plane area.
      expect(Math.abs(planeAreaHa(f.geometry, 9215) - a.properties.plane_area_ha), f.properties.name).toBeLessThan(0.01);
    }
    const dl = fromGpkg.features.find((f) => f.properties.name === 'Cụm công nghiệp Đình Lập')!;
    expect(dl.properties.plane_area_ha.toFixed(2)).toBe('71.39');
  });
});

describe('OGC API in the OpenAPI document', () => {
  it('describes the /ogc routes and the registry routes', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/ogc',
      '/ogc/conformance',
      '/ogc/collections',
      '/ogc/collections/{cid}/items',
      '/ogc/collections/{cid}/items/{fid}',
      '/api/clusters/{id}/decisions',
      '/api/decisions/{id}',
      '/api/clusters/{id}/boundaries',
      '/api/clusters/{id}/boundaries/diff',
      '/api/plan-layers',
      '/api/config',
    ])
      expect(Object.keys(doc.paths), p).toContain(p);
  });
});
