import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];

describe('seeded plan layers (synthetic)', () => {
  it('has the five plan layers, each flagged synthetic, with zones', async () => {
    const rows = await q<{ id: string; synthetic: boolean; n: number }>(
      `SELECT l.id, l.is_synthetic AS synthetic, count(z.id)::int AS n
       FROM plan_layers l LEFT JOIN plan_zones z ON z.layer_id = l.id GROUP BY l.id ORDER BY l.sort_order`,
    );
    expect(rows.map((r) => r.id)).toEqual(['land_use', 'forest', 'corridors', 'industrial', 'relics']);
    for (const r of rows) {
      expect(r.synthetic, r.id).toBe(true);
      expect(r.n, r.id).toBeGreaterThan(0);
    }
  });

  it('every zone is a valid MultiPolygon in EPSG:4326 with a known land code', async () => {
    const rows = await q<{ bad: number; srid: number; types: string[] }>(
      `SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS bad, min(ST_SRID(geom)) AS srid,
              array_agg(DISTINCT GeometryType(geom)) AS types FROM plan_zones`,
    );
    expect(rows[0]).toEqual({ bad: 0, srid: 4326, types: ['MULTIPOLYGON'] });
  });

  it('land-use zones never overlap each other', async () => {
    const rows = await q<{ n: number; m2: number | null }>(
      `SELECT count(*)::int AS n, sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)) AS m2
       FROM plan_zones a JOIN plan_zones b ON a.id < b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
       WHERE a.layer_id = 'land_use' AND b.layer_id = 'land_use' AND ST_Overlaps(a.geom, b.geom)`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('every cluster crosses rice land, production forest and residential land cut by its boundary', async () => {
    const rows = await q<{ name: string; codes: string[]; ont_crossing: number; min_codes: number }>(
      `SELECT c.name, array_agg(DISTINCT z.land_code ORDER BY z.land_code) AS codes,
              count(*) FILTER (WHERE z.land_code = 'ONT' AND NOT ST_Within(z.geom, b.geom)
                               AND ST_Area(ST_Intersection(z.geom, b.geom)::geography) > 5000)::int AS ont_crossing
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
       JOIN plan_zones z ON z.layer_id = 'land_use' AND ST_Intersects(z.geom, b.geom)
         AND ST_Area(ST_Intersection(z.geom, b.geom)::geography) > 5000
       GROUP BY c.name`,
    );
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(r.codes.some((c) => c === 'LUC' || c === 'LUK'), `${r.name} rice: ${r.codes}`).toBe(true);
      expect(r.codes, r.name).toContain('RSX');
      expect(r.ont_crossing, `${r.name} ONT crossing the boundary`).toBeGreaterThan(0);
      expect(r.codes.length, `${r.name}: ${r.codes}`).toBeGreaterThanOrEqual(4);
    }
    const rph = rows.filter((r) => r.codes.includes('RPH')).map((r) => r.name);
    expect(rph).toEqual(expect.arrayContaining(['Cụm công nghiệp Đình Lập', 'Cụm công nghiệp Bình Chương']));
  });

  it('the land-use zones around a cluster cover its whole boundary (a partition)', async () => {
    const rows = await q<{ name: string; uncovered_m2: number }>(
      `SELECT c.name, ST_Area(ST_Difference(b.geom, (SELECT ST_Union(z.geom) FROM plan_zones z
                WHERE z.layer_id = 'land_use' AND z.geom && b.geom))::geography) AS uncovered_m2
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current`,
    );
    for (const r of rows) expect(r.uncovered_m2, r.name).toBeLessThan(1);
  });

  it('keeps legacy 2014 codes as original_code, mapped to the current code', async () => {
    const rows = await q<{ original_code: string; land_code: string }>(
      `SELECT DISTINCT original_code, land_code FROM plan_zones WHERE original_code IS NOT NULL ORDER BY 1`,
    );
    expect(rows).toEqual(expect.arrayContaining([{ original_code: 'LUN', land_code: 'LUK' }]));
  });
});

describe('GET /api/plan-layers', () => {
  it('lists the layers with their zone counts', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/plan-layers' });
    expect(res.statusCode).toBe(200);
    const layers = res.json() as { id: string; zone_count: number; is_synthetic: boolean; name_vi: string }[];
    expect(layers.map((l) => l.id)).toEqual(['land_use', 'forest', 'corridors', 'industrial', 'relics']);
    expect(layers.every((l) => l.is_synthetic && l.zone_count > 0 && l.name_vi.includes('minh họa'))).toBe(true);
  });

  it('serves a layer’s zones as GeoJSON, filtered by bbox', async () => {
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/plan-layers/land_use/zones' })).json();
    expect(all.type).toBe('FeatureCollection');
    expect(all.features.length).toBeGreaterThan(100);
    const f = all.features[0];
    expect(f.geometry.type).toBe('MultiPolygon');
    expect(f.properties).toEqual(expect.objectContaining({ layer_id: 'land_use', land_code: expect.any(String), area_ha: expect.any(Number) }));
    // Around Đình Lập only (107.09–107.11 E, 21.54–21.56 N).
    const near = (await ctx.app.inject({ method: 'GET', url: '/api/plan-layers/land_use/zones?bbox=107.09,21.54,107.11,21.56' })).json();
    expect(near.features.length).toBeGreaterThan(3);
    expect(near.features.length).toBeLessThan(all.features.length / 4);
  });

  it('answers 404 for an unknown layer and 400 for a malformed bbox', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/plan-layers/nope/zones' })).statusCode).toBe(404);
    const bad = await ctx.app.inject({ method: 'GET', url: '/api/plan-layers/land_use/zones?bbox=1,2,x,4' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('bbox');
  });
});
