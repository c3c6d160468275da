import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forestZones, landUseZones } from '../../bench/data/province';
import { provinceMask } from '../../bench/data/files';
import { BulkImportError, importPlanZones, type BulkProgress } from '../../server/bulk/plan-import';
import { LANG_SON_TM3 } from '../../src/core/crs/vn2000';
import { streamFeatures } from '../../server/bulk/read-features';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

// The bulk path on the leg's database, with a small synthetic province in a plan layer of its
// own (removed at the end, with everything derived from it).

const LAYER = 'test_bulk_h8';
let ctx: TestContext;
const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];

const mask = provinceMask();
const province = () =>
  [...landUseZones(mask, { size: 600, seed: 3 }), ...forestZones(mask, { size: 600, seed: 3 })].map((f) => ({
    ...f,
    properties: { ...f.properties, layer_id: LAYER },
  }));

/** The province as a FeatureCollection text, handed over in 64 KB chunks like a file stream. */
async function* chunks(features: unknown[]) {
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
}

const count = async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM plan_zones WHERE layer_id = $1', [LAYER]))[0]!.n;

beforeAll(async () => {
  ctx = await startTestApp();
  await q(`INSERT INTO plan_layers (id, name_vi, name_en, kind, is_synthetic, sort_order) VALUES ($1, 'Thử nhập khối', 'Bulk test', 'land_use', true, 999)`, [LAYER]);
});
afterAll(async () => {
  await q('DELETE FROM plan_layers WHERE id = $1', [LAYER]).catch(() => undefined);
  await stopTestApp(ctx);
});

describe('synthetic province (bench:data)', () => {
  it('is reproducible: same seed, same polygons; another seed, others', () => {
    const a = JSON.stringify(province());
    expect(JSON.stringify(province())).toBe(a);
    const other = JSON.stringify([...landUseZones(mask, { size: 600, seed: 4 })]);
    expect(other).not.toBe(JSON.stringify([...landUseZones(mask, { size: 600, seed: 3 })]));
  });

  it('has about the asked number of polygons, counter-clockwise closed rings, large forest polygons', () => {
    const f = province();
    expect(f.length).toBeGreaterThan(540);
    expect(f.length).toBeLessThan(660);
    for (const z of f) {
      const ring = z.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
      let a = 0;
      for (let i = 1; i < ring.length; i++) a += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
      expect(a).toBeGreaterThan(0);
    }
    expect(f.filter((z) => z.geometry.coordinates[0]!.length > 256).length).toBeGreaterThan(10);
  });
});

describe('bulk import of plan zones', () => {
  const features = province();

  it('streams a FeatureCollection in batches, in one transaction, with progress', async () => {
    const progress: BulkProgress[] = [];
    const r = await importPlanZones(ctx.db.pool, streamFeatures(chunks(features)), { batchSize: 100, source: 'test', onProgress: (p) => progress.push(p) });
    expect(r.features).toBe(features.length);
    expect(r.byLayer).toEqual({ [LAYER]: features.length });
    expect(r.batches).toBe(Math.ceil(features.length / 100));
    expect(progress.map((p) => p.features)).toEqual(progress.map((_, i) => Math.min((i + 1) * 100, features.length)));
    expect(await count()).toBe(features.length);
    const [audit] = await q<{ after: { features: number } }>(
      `SELECT after FROM audit_log WHERE action = 'import' AND entity = 'plan_zones' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit!.after.features).toBe(features.length);
  });

  it('the synthetic province is valid: every zone valid, land-use zones never overlap, codes kept', async () => {
    const [v] = await q<{ bad: number; codes: string[] }>(
      `SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS bad, array_agg(DISTINCT land_code ORDER BY land_code) AS codes
       FROM plan_zones WHERE layer_id = $1`,
      [LAYER],
    );
    expect(v!.bad).toBe(0);
    expect(v!.codes).toEqual(expect.arrayContaining(['LUC', 'RSX', 'ONT']));
    const [o] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM plan_zones a JOIN plan_zones b ON a.id < b.id AND a.geom && b.geom
       WHERE a.layer_id = $1 AND b.layer_id = $1 AND a.name IS NULL AND b.name IS NULL  -- land-use zones (forest ones are named)
         AND ST_Relate(a.geom, b.geom, '2********')`,
      [LAYER],
    );
    expect(o!.n).toBe(0);
  });

  it('keeps subdivided pieces of the large zones, layer stats and dirty overview cells in step', async () => {
    const [p] = await q<{ large: number; with_pieces: number; area_diff: number }>(
      `SELECT count(*)::int AS large,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM derived.plan_zone_pieces p WHERE p.zone_id = z.id))::int AS with_pieces,
              max(abs(ST_Area(z.geom) - (SELECT sum(ST_Area(p.geom)) FROM derived.plan_zone_pieces p WHERE p.zone_id = z.id))) AS area_diff
       FROM plan_zones z WHERE z.layer_id = $1 AND ST_NPoints(z.geom) > 256`,
      [LAYER],
    );
    expect(p!.large).toBeGreaterThan(0);
    expect(p!.with_pieces).toBe(p!.large);
    expect(p!.area_diff).toBeLessThan(1e-9);
    const [s] = await q<{ zones: number }>('SELECT zones::int FROM derived.plan_layer_stats WHERE layer_id = $1', [LAYER]);
    expect(s!.zones).toBe(features.length);
    const [d] = await q<{ n: number }>('SELECT count(*)::int AS n FROM derived.overview_dirty WHERE level = 13');
    expect(d!.n).toBeGreaterThan(0);
  });

  it('zones near a boundary give the same overlap as the whole zones, in the home TM-3 plane and another (large ones found by their pieces)', async () => {
    for (const srid of [9215, 9211]) {
      const [r] = await q<{ whole: number; near: number; large: number; large_total: number }>(
        `WITH s AS (SELECT ST_Expand(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 10), 0.01) AS g
                    FROM plan_zones WHERE layer_id = $1 AND ST_NPoints(geom) > 256 ORDER BY id LIMIT 1),
         sp AS (SELECT g, ST_Transform(g, $2::int) AS gp FROM s)
         SELECT (SELECT sum(ST_Area(ST_Intersection(ST_Transform(z.geom, $2::int), sp.gp))) FROM plan_zones z WHERE z.layer_id = $1 AND z.geom && sp.g) AS whole,
                (SELECT sum(ST_Area(ST_Intersection(n.geom_p, sp.gp))) FROM derived.plan_zones_near(sp.g, $2::int) n WHERE n.layer_id = $1) AS near,
                (SELECT count(*)::int FROM derived.plan_zones_near(sp.g, $2::int) n WHERE n.layer_id = $1 AND n.geom IS NULL) AS large,
                (SELECT count(*)::int FROM plan_zones z WHERE z.layer_id = $1 AND z.subdivided) AS large_total
         FROM sp`,
        [LAYER, srid],
      );
      expect(r!.whole).toBeGreaterThan(1e6); // m²: the 0.02° box lies across a forest edge
      expect(Math.abs(r!.near - r!.whole) / r!.whole, `EPSG ${srid}`).toBeLessThan(1e-12);
      expect(r!.large).toBeGreaterThan(0);
      expect(r!.large).toBeLessThan(r!.large_total);
    }
  });

  it('keeps each zone in the home TM-3 plane as ST_Transform gives it, after an edit too', async () => {
    // The home zone of the stored copy (migration 068) is the app's default TM-3 zone.
    expect((await q<{ srid: number }>('SELECT derived.home_tm3_srid() AS srid'))[0]!.srid).toBe(LANG_SON_TM3);
    const stale = `SELECT count(*)::int AS n FROM plan_zones WHERE layer_id = $1 AND NOT ST_OrderingEquals(geom_tm3, ST_Transform(geom, 9215))`;
    expect((await q<{ n: number }>(stale, [LAYER]))[0]!.n).toBe(0);
    const [z] = await q<{ id: number; x: number }>(
      `SELECT id, ST_X(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom_tm3, 1)), 1)) AS x FROM plan_zones WHERE layer_id = $1 AND ST_NPoints(geom) > 256 ORDER BY id LIMIT 1`,
      [LAYER],
    );
    await q('UPDATE plan_zones SET geom = ST_Translate(geom, 0.001, 0) WHERE id = $1', [z!.id]);
    const [moved] = await q<{ x: number }>('SELECT ST_X(ST_PointN(ST_ExteriorRing(ST_GeometryN(geom_tm3, 1)), 1)) AS x FROM plan_zones WHERE id = $1', [z!.id]);
    expect(moved!.x - z!.x).toBeGreaterThan(100); // 0.001° of longitude ≈ 104 m at 21.8° N
    expect(moved!.x - z!.x).toBeLessThan(110);
    expect((await q<{ n: number }>(stale, [LAYER]))[0]!.n).toBe(0);
    await q('UPDATE plan_zones SET geom = ST_Translate(geom, -0.001, 0) WHERE id = $1', [z!.id]);
  });

  it('refuses a file with an invalid polygon: says which feature and why, writes nothing', async () => {
    const before = await count();
    const bad = province().slice(0, 250);
    bad[230] = { ...bad[230]!, geometry: { type: 'Polygon', coordinates: [[[106.5, 21.5], [106.6, 21.6], [106.6, 21.5], [106.5, 21.6], [106.5, 21.5]]] } };
    const err = await importPlanZones(ctx.db.pool, bad, { batchSize: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkImportError);
    expect((err as BulkImportError).featureIndex, (err as Error).message).toBe(230);
    expect((err as BulkImportError).reason).toBe('INVALID_GEOMETRY');
    expect((err as Error).message).toMatch(/feature 230: Self-intersection/);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown plan layer, a feature without land code and a non-polygon', async () => {
    const f = province()[0]!;
    const unknown = await importPlanZones(ctx.db.pool, [{ ...f, properties: { ...f.properties, layer_id: 'no_such_layer' } }]).catch((e: unknown) => e);
    expect((unknown as BulkImportError).reason).toBe('UNKNOWN_LAYER');
    const noCode = await importPlanZones(ctx.db.pool, [{ ...f, properties: { layer_id: LAYER } }]).catch((e: unknown) => e);
    expect((noCode as BulkImportError).reason).toBe('LAND_CODE');
    const line = await importPlanZones(ctx.db.pool, [{ ...f, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }]).catch((e: unknown) => e);
    expect((line as Error).message).toContain('LineString is not Polygon or MultiPolygon');
  });

  it('replaces a layer: old zones, their pieces and stats go, the new ones come', async () => {
    const legacy = province().slice(0, 50).map((f, i) => ({ ...f, properties: { ...f.properties, land_code: i === 0 ? 'LUN' : 'HNK' } }));
    const r = await importPlanZones(ctx.db.pool, legacy, { replace: true });
    expect(r.replaced).toBe(features.length);
    expect(await count()).toBe(50);
    const [first] = await q<{ land_code: string; original_code: string }>(
      'SELECT land_code, original_code FROM plan_zones WHERE layer_id = $1 ORDER BY id LIMIT 1',
      [LAYER],
    );
    expect(first).toEqual({ land_code: 'LUK', original_code: 'LUN' });
    const [s] = await q<{ zones: number; pieces: number }>(
      `SELECT (SELECT zones::int FROM derived.plan_layer_stats WHERE layer_id = $1) AS zones,
              (SELECT count(*)::int FROM derived.plan_zone_pieces p WHERE NOT EXISTS (SELECT 1 FROM plan_zones z WHERE z.id = p.zone_id)) AS pieces`,
      [LAYER],
    );
    expect(s).toEqual({ zones: 50, pieces: 0 });
  });
});
