import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromVn2000, toVn2000 } from '../../src/core/crs/transform';
import { provinceKey, pointInPolygon } from '../../src/core/crs/zones';
import { TM3_ZONES, VN2000_TOWGS84, crsByEpsg } from '../../src/core/crs/vn2000';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

/**
 * Acceptance: for 1,000 random points inside each zone's provinces, proj4 in src/core and
 * PostGIS ST_Transform agree within 1 cm, both ways, for EPSG 3405, 3406 and 9205–9218
 * (run on the embedded database and on the PostGIS server: the api legs).
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const provinces = JSON.parse(
  readFileSync(new URL('../../data/boundaries/vn_provinces_lowres_census2009.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;

/** Deterministic PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bbox(fs: Feature<Polygon | MultiPolygon>[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fs)
    for (const p of (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2)) {
      b[0] = Math.min(b[0], p[0]!); b[1] = Math.min(b[1], p[1]!); b[2] = Math.max(b[2], p[0]!); b[3] = Math.max(b[3], p[1]!);
    }
  return b;
}

/** n random points inside the given provinces (and the longitude band, for UTM zones). */
function randomPoints(fs: Feature<Polygon | MultiPolygon>[], n: number, seed: number, lonBand: [number, number] = [-180, 180]): [number, number][] {
  const r = rng(seed);
  const [x0, y0, x1, y1] = bbox(fs);
  const out: [number, number][] = [];
  while (out.length < n) {
    const p: [number, number] = [Math.max(x0, lonBand[0]) + r() * (Math.min(x1, lonBand[1]) - Math.max(x0, lonBand[0])), y0 + r() * (y1 - y0)];
    if (fs.some((f) => pointInPolygon(p, f.geometry))) out.push(p);
  }
  return out;
}

const ZONES: { epsg: number; features: Feature<Polygon | MultiPolygon, { name: string }>[]; band?: [number, number] }[] = [
  { epsg: 3405, features: provinces.features, band: [102, 108] },
  { epsg: 3406, features: provinces.features.filter((f) => bbox([f])[2] > 108.05), band: [108, 114] },
  ...TM3_ZONES.filter((z) => z.epsg >= 9205 && z.epsg <= 9218).map((z) => ({
    epsg: z.epsg,
    features: provinces.features.filter((f) => z.provinces.some((p) => provinceKey(p) === provinceKey(f.properties.name))),
  })),
];

async function postgisForward(points: [number, number][], epsg: number): Promise<[number, number][]> {
  const { rows } = await ctx.db.pool.query<{ x: number; y: number }>(
    `SELECT ST_X(t) AS x, ST_Y(t) AS y
     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(lon, lat, i),
          LATERAL ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), $3::int) AS t
     ORDER BY i`,
    [points.map((p) => p[0]), points.map((p) => p[1]), epsg],
  );
  return rows.map((r) => [r.x, r.y]);
}

async function postgisInverse(points: [number, number][], epsg: number): Promise<[number, number][]> {
  const { rows } = await ctx.db.pool.query<{ x: number; y: number }>(
    `SELECT ST_X(t) AS x, ST_Y(t) AS y
     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS u(e, n, i),
          LATERAL ST_Transform(ST_SetSRID(ST_MakePoint(e, n), $3::int), 4326) AS t
     ORDER BY i`,
    [points.map((p) => p[0]), points.map((p) => p[1]), epsg],
  );
  return rows.map((r) => [r.x, r.y]);
}

/** Distance in metres between two lon/lat points (local scale; fine at the cm level). */
const lonLatMetres = (a: [number, number], b: [number, number]) =>
  Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574);

describe('proj4 (src/core) and PostGIS ST_Transform agree within 1 cm', () => {
  it('covers 3405, 3406 and every TM-3 code 9205–9218, each with provinces', () => {
    expect(ZONES.map((z) => z.epsg)).toEqual([3405, 3406, ...Array.from({ length: 14 }, (_, i) => 9205 + i)]);
    for (const z of ZONES) expect(z.features.length, `EPSG:${z.epsg}`).toBeGreaterThan(0);
  });

  for (const [k, zone] of ZONES.entries()) {
    it(`EPSG:${zone.epsg} (${crsByEpsg(zone.epsg)!.name}) — 1,000 points in ${zone.features.length} province(s), both ways`, async () => {
      const pts = randomPoints(zone.features, 1000, 4000 + k, zone.band);
      const pg = await postgisForward(pts, zone.epsg);
      let maxFwd = 0;
      pts.forEach((p, i) => {
        const [e, n] = toVn2000(zone.epsg, p);
        maxFwd = Math.max(maxFwd, Math.hypot(e - pg[i]![0], n - pg[i]![1]));
      });
      // Inverse: from the projected points back to lon/lat.
      const back = await postgisInverse(pg, zone.epsg);
      let maxInv = 0;
      pg.forEach((en, i) => {
        const ll = fromVn2000(zone.epsg, en) as [number, number];
        const d = lonLatMetres(ll, back[i]!);
        if (d > 0.01 && process.env.DEBUG_CRS) console.log('inverse off', zone.epsg, en, ll, back[i], pts[i], d);
        maxInv = Math.max(maxInv, d);
      });
      expect(maxFwd, `forward max ${maxFwd} m`).toBeLessThan(0.01);
      expect(maxInv, `inverse max ${maxInv} m`).toBeLessThan(0.01);
    });
  }

  it('the widely copied towgs84 with opposite rotation signs is more than 0.4 m off (so these tests can fail)', async () => {
    const [dx, dy, dz, rx, ry, rz, s] = VN2000_TOWGS84.split(',').map(Number) as number[];
    const wrong = `+proj=tmerc +lat_0=0 +lon_0=107.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${dx},${dy},${dz},${-rx!},${-ry!},${-rz!},${s} +units=m +no_defs`;
    const conv = proj4('EPSG:4326', wrong);
    const zone = ZONES.find((z) => z.epsg === 9215)!;
    const pts = randomPoints(zone.features, 200, 77);
    const pg = await postgisForward(pts, 9215);
    const diffs = pts.map((p, i) => {
      const [e, n] = conv.forward(p);
      return Math.hypot(e! - pg[i]![0], n! - pg[i]![1]);
    });
    expect(Math.min(...diffs)).toBeGreaterThan(0.4);
    // And without any datum shift it is about 200 m off.
    const none = proj4('EPSG:4326', wrong.replace(/\+towgs84=\S+/, ''));
    const [e0, n0] = none.forward(pts[0]!);
    expect(Math.hypot(e0! - pg[0]![0], n0! - pg[0]![1])).toBeGreaterThan(100);
  });
});
