import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lonLatToTile } from '../../server/tiles/tile-math';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

// Vector tiles on the leg's database: ST_AsMVT on a PostGIS server, the JS encoder on the
// embedded PGlite. Rows this file changes are put back; rows it creates are removed.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];

async function getTile(path: string, headers: Record<string, string> = {}) {
  const res = await ctx.app.inject({ method: 'GET', url: path, headers });
  return res;
}

function decode(body: Buffer, layer: string): VectorTileLayer {
  const vt = new VectorTile(new PbfReader(new Uint8Array(body)));
  const l = vt.layers[layer];
  if (!l) throw new Error(`tile has no layer ${layer}; layers: ${Object.keys(vt.layers).join(', ')}`);
  return l;
}

function features(l: VectorTileLayer) {
  return Array.from({ length: l.length }, (_, i) => l.feature(i));
}

interface Zone {
  id: number;
  layer_id: string;
  land_code: string;
  lon: number;
  lat: number;
}

/** A demo land-use zone and the z14 tile under its interior point. */
async function someZone(): Promise<Zone & { z: number; x: number; y: number }> {
  const [z] = await q<Zone>(
    `SELECT id, layer_id, land_code, ST_X(p) AS lon, ST_Y(p) AS lat
     FROM (SELECT id, layer_id, land_code, ST_PointOnSurface(geom) AS p, ST_Area(geom::geography) AS a
           FROM plan_zones WHERE layer_id = 'land_use') s
     WHERE a > 50000 ORDER BY id LIMIT 1`,
  );
  const [x, y] = lonLatToTile(z!.lon, z!.lat, 14);
  return { ...z!, z: 14, x, y };
}

describe('GET /tiles/plan_zones/{z}/{x}/{y}.mvt', () => {
  it('returns an MVT with the zones of the tile, their ids and properties', async () => {
    const zone = await someZone();
    const res = await getTile(`/tiles/plan_zones/${zone.z}/${zone.x}/${zone.y}.mvt`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.etag).toMatch(/^W\/"plan_zones-/);
    expect(res.headers['cache-control']).toContain('no-cache');
    // Data headers, not a page's: no CSP on a binary tile, but no sniffing and same-origin only.
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['content-security-policy']).toBeUndefined();
    const l = decode(res.rawPayload, 'plan_zones');
    expect(l.extent).toBe(4096);
    const f = features(l).find((x) => x.id === zone.id);
    expect(f, `zone ${zone.id} in its tile`).toBeDefined();
    expect(f!.properties).toMatchObject({ layer_id: 'land_use', land_code: zone.land_code });
    expect(f!.type).toBe(3);
    // The decoded polygon contains the zone's interior point (geometry is where it belongs).
    const gj = f!.toGeoJSON(zone.x, zone.y, zone.z);
    const ring = (gj.geometry.type === 'Polygon' ? gj.geometry.coordinates[0] : (gj.geometry as { coordinates: number[][][][] }).coordinates[0]![0])!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    expect(zone.lon).toBeGreaterThan(Math.min(...lons));
    expect(zone.lon).toBeLessThan(Math.max(...lons));
    expect(zone.lat).toBeGreaterThan(Math.min(...lats));
    expect(zone.lat).toBeLessThan(Math.max(...lats));
  });

  it('filters by plan layer', async () => {
    const zone = await someZone();
    const res = await getTile(`/tiles/plan_zones/${zone.z}/${zone.x}/${zone.y}.mvt?layer=land_use`);
    expect(res.statusCode).toBe(200);
    const layers = new Set(features(decode(res.rawPayload, 'plan_zones')).map((f) => f.properties.layer_id));
    expect([...layers]).toEqual(['land_use']);
  });

  it('answers 304 to If-None-Match with the current ETag, without a body', async () => {
    const zone = await someZone();
    const url = `/tiles/plan_zones/${zone.z}/${zone.x}/${zone.y}.mvt`;
    const first = await getTile(url);
    const again = await getTile(url, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('shows an edited zone in the very next request, at full detail and generalised', async () => {
    const zone = await someZone();
    const url = `/tiles/plan_zones/${zone.z}/${zone.x}/${zone.y}.mvt`;
    const [x10, y10] = lonLatToTile(zone.lon, zone.lat, 10);
    const lowUrl = `/tiles/plan_zones/10/${x10}/${y10}.mvt?layer=land_use`;
    const before = await getTile(url);
    const lowBefore = await getTile(lowUrl);
    const codesBefore = features(decode(lowBefore.rawPayload, 'plan_zones')).map((f) => f.properties.land_code);
    // A code the demo plan does not use near here, so the generalised tile can only show it after the edit.
    const newCode = ['NTD', 'TON', 'TIN', 'MNC', 'CAN'].find((c) => !codesBefore.includes(c))!;
    expect(codesBefore).not.toContain(newCode);
    try {
      await q('UPDATE plan_zones SET land_code = $2 WHERE id = $1', [zone.id, newCode]);
      const after = await getTile(url, { 'if-none-match': String(before.headers.etag) });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      const f = features(decode(after.rawPayload, 'plan_zones')).find((x) => x.id === zone.id);
      expect(f!.properties.land_code).toBe(newCode);

      const lowAfter = await getTile(lowUrl, { 'if-none-match': String(lowBefore.headers.etag) });
      expect(lowAfter.statusCode).toBe(200);
      const low = features(decode(lowAfter.rawPayload, 'plan_zones'));
      const piece = low.find((x) => x.properties.land_code === newCode);
      expect(piece, `generalised ${newCode} piece at z10`).toBeDefined();
      expect(piece!.properties).toMatchObject({ layer_id: 'land_use', generalised: true });
    } finally {
      await q('UPDATE plan_zones SET land_code = $2 WHERE id = $1', [zone.id, zone.land_code]);
    }
    const restored = await getTile(lowUrl);
    expect(features(decode(restored.rawPayload, 'plan_zones')).map((f) => f.properties.land_code)).not.toContain(newCode);
  });

  it('draws low zooms from dissolved zones: few generalised features, no ids', async () => {
    const zone = await someZone();
    const [x, y] = lonLatToTile(zone.lon, zone.lat, 9);
    const res = await getTile(`/tiles/plan_zones/9/${x}/${y}.mvt`);
    expect(res.statusCode).toBe(200);
    const fs = features(decode(res.rawPayload, 'plan_zones'));
    const [{ n }] = (await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan_zones WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)`,
      [zone.lon - 0.7, zone.lat - 0.7, zone.lon + 0.7, zone.lat + 0.7],
    )) as [{ n: number }];
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.length).toBeLessThan(n);
    for (const f of fs) {
      expect(f.properties.generalised).toBe(true);
      expect(f.id).toBeUndefined();
    }
  });

  it('answers 204 for a tile with no data', async () => {
    const res = await getTile('/tiles/plan_zones/14/0/0.mvt');
    expect(res.statusCode).toBe(204);
    expect(res.rawPayload.length).toBe(0);
  });

  it('refuses tiles that do not exist, unknown collections and filters with a clear 4xx', async () => {
    const z = await getTile('/tiles/plan_zones/23/0/0.mvt');
    expect(z.statusCode).toBe(400);
    const x = await getTile('/tiles/plan_zones/3/8/0.mvt');
    expect(x.statusCode).toBe(400);
    expect(x.json().error.message).toContain('x 8 is outside 0–7 at zoom 3');
    const c = await getTile('/tiles/secret_table/3/0/0.mvt');
    expect(c.statusCode).toBe(404);
    expect(c.json().error.message).toContain('plan_zones, parcels');
    const f = await getTile('/tiles/plan_zones/3/0/0.mvt?cluster=1');
    expect(f.statusCode).toBe(400);
    expect(f.json().error.message).toContain('has no filter "cluster"');
    const bad = await getTile("/tiles/plan_zones/3/0/0.mvt?layer=x';drop");
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET /tiles/parcels/{z}/{x}/{y}.mvt', () => {
  it('shows a parcel, then its edit in the next request (ETag changes)', async () => {
    const [cl] = await q<{ cluster_id: number; commune: string; lon: number; lat: number }>(
      `SELECT b.cluster_id, (SELECT code FROM admin_units WHERE level = 'commune' ORDER BY code LIMIT 1) AS commune,
              ST_X(ST_PointOnSurface(b.geom)) AS lon, ST_Y(ST_PointOnSurface(b.geom)) AS lat
       FROM cluster_boundaries b WHERE b.is_current ORDER BY b.cluster_id LIMIT 1`,
    );
    const d = 0.0004;
    const [{ id }] = (await q<{ id: number }>(
      `INSERT INTO parcels (cluster_id, commune_code, map_sheet_no, parcel_no, legal_land_code, status, planned_on, is_synthetic, geom)
       VALUES ($1, $2, 'TILE-TEST', '1', 'LUC', 'plan', '2026-01-01', true,
               ST_Multi(ST_MakeEnvelope($3 - ${d}, $4 - ${d}, $3 + ${d}, $4 + ${d}, 4326)))
       RETURNING id`,
      [cl!.cluster_id, cl!.commune, cl!.lon, cl!.lat],
    )) as [{ id: number }];
    try {
      const [x, y] = lonLatToTile(cl!.lon, cl!.lat, 15);
      const url = `/tiles/parcels/15/${x}/${y}.mvt?cluster=${cl!.cluster_id}`;
      const first = await getTile(url);
      expect(first.statusCode).toBe(200);
      const f = features(decode(first.rawPayload, 'parcels')).find((p) => p.id === id);
      expect(f!.properties).toMatchObject({ status: 'plan', legal_land_code: 'LUC', map_sheet_no: 'TILE-TEST', parcel_no: '1', cluster_id: cl!.cluster_id });

      await q(`UPDATE parcels SET status = 'paid', version = version + 1 WHERE id = $1`, [id]);
      const next = await getTile(url, { 'if-none-match': String(first.headers.etag) });
      expect(next.statusCode).toBe(200);
      expect(next.headers.etag).not.toBe(first.headers.etag);
      expect(features(decode(next.rawPayload, 'parcels')).find((p) => p.id === id)!.properties.status).toBe('paid');

      // Parcels are personal data: not without signing in (plan zones are for everyone, and are
      // served without looking up a session at all).
      const anonymous = await getTile(url, { authorization: '' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.message).toMatch(/sign in/);
      const [zx, zy] = lonLatToTile(cl!.lon, cl!.lat, 14);
      expect((await getTile(`/tiles/plan_zones/14/${zx}/${zy}.mvt`, { authorization: '' })).statusCode).toBe(200);
      const badToken = await getTile(url, { authorization: 'Bearer not-a-token' });
      expect(badToken.statusCode).toBe(401);

      // Below the collection's minimum zoom parcels are not drawn at all.
      const [x9, y9] = lonLatToTile(cl!.lon, cl!.lat, 9);
      expect((await getTile(`/tiles/parcels/9/${x9}/${y9}.mvt`)).statusCode).toBe(204);
    } finally {
      await q('DELETE FROM parcels WHERE id = $1', [id]);
    }
  });
});
