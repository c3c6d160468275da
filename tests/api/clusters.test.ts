import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

interface ClusterFeature {
  id: number;
  type: string;
  geometry: { type: string; coordinates: number[][][][] };
  properties: Record<string, unknown> & { name: string; declared_area_ha: number | null; plane_area_ha: number };
}

const SEVEN = [
  'Cụm công nghiệp Bình Chương',
  'Cụm công nghiệp Hòa Sơn 1',
  'Cụm công nghiệp Hồ Sơn 1',
  'Cụm công nghiệp Minh Sơn',
  'Cụm công nghiệp Văn Lãng 2',
  'Cụm công nghiệp Đình Lập',
  'Cụm công nghiệp Đông Nam thị trấn Đồng Mỏ',
];

describe('GET /api/clusters', () => {
  it('returns the seven Lạng Sơn clusters as a GeoJSON FeatureCollection', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/clusters' });
    expect(res.statusCode).toBe(200);
    const fc = res.json() as { type: string; features: ClusterFeature[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.name).sort()).toEqual([...SEVEN].sort());
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('MultiPolygon');
      for (const key of ['id', 'name', 'status', 'declared_area_ha', 'plane_area_ha']) expect(f.properties).toHaveProperty(key);
      const [lon, lat] = f.geometry.coordinates[0]![0]![0]!;
      expect(lon).toBeGreaterThan(106);
      expect(lon).toBeLessThan(107.4);
      expect(lat).toBeGreaterThan(21.3);
      expect(lat).toBeLessThan(22.5);
    }
  });

  it('reports Đình Lập at 71.39 ha in the TM-3 plane', async () => {
    const fc = (await ctx.app.inject({ method: 'GET', url: '/api/clusters' })).json() as { features: ClusterFeature[] };
    const dl = fc.features.find((f) => f.properties.name === 'Cụm công nghiệp Đình Lập')!;
    expect(dl.properties.declared_area_ha).toBe(71.39);
    expect(dl.properties.plane_area_ha.toFixed(2)).toBe('71.39');
    // Ellipsoidal and plane areas agree to < 0.5 % (TM-3 scale k = 0.9999 near the meridian).
    expect(Math.abs((dl.properties.ellipsoidal_area_ha as number) / 71.39 - 1)).toBeLessThan(0.005);
  });

  it('the one proposal without a fixed area reports a null declared area', async () => {
    const fc = (await ctx.app.inject({ method: 'GET', url: '/api/clusters' })).json() as { features: ClusterFeature[] };
    const bc = fc.features.find((f) => f.properties.name === 'Cụm công nghiệp Bình Chương')!;
    expect(bc.properties.status).toBe('proposed');
    expect(bc.properties.declared_area_ha).toBeNull();
  });
});

describe('seeded areas, computed independently by PostGIS', () => {
  it('ST_Area(ST_Transform(geom, 9215)) equals the declared area to ±0.01 ha', async () => {
    const { rows } = await ctx.db.pool.query<{ name: string; declared: number; plane: number }>(
      `SELECT c.name, c.declared_area_ha AS declared, ST_Area(ST_Transform(b.geom, 9215)) / 10000 AS plane
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
       WHERE c.declared_area_ha IS NOT NULL`,
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(Math.abs(r.plane - r.declared), r.name).toBeLessThanOrEqual(0.01);
  });

  it('every boundary lies inside its commune(s) and is flagged illustrative', async () => {
    const { rows } = await ctx.db.pool.query<{ name: string; inside: boolean; illustrative: boolean }>(
      `SELECT c.name, b.is_illustrative AS illustrative,
              ST_Within(b.geom, (SELECT ST_Union(geom) FROM admin_units WHERE code = ANY (c.commune_codes_at_decision))) AS inside
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current`,
    );
    expect(rows).toHaveLength(7);
    for (const r of rows) {
      expect(r.inside, r.name).toBe(true);
      expect(r.illustrative, r.name).toBe(true);
    }
  });

  it('the TM-3 107°15′ row is in spatial_ref_sys with the VN-2000 shift', async () => {
    const { rows } = await ctx.db.pool.query<{ proj4text: string }>('SELECT proj4text FROM spatial_ref_sys WHERE srid = 9215');
    expect(rows[0]?.proj4text).toContain('+lon_0=107.25 +k=0.9999');
    expect(rows[0]?.proj4text).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835');
  });
});

describe('GET /api/clusters/:id', () => {
  it('returns the record with its decisions timeline', async () => {
    const { rows } = await ctx.db.pool.query<{ id: number }>("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'");
    const res = await ctx.app.inject({ method: 'GET', url: `/api/clusters/${rows[0]!.id}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.properties.commune_names).toEqual(['Thị trấn Đình Lập']);
    expect(body.properties.district_name).toBe('Đình Lập');
    expect(body.decisions).toEqual([
      expect.objectContaining({ number: '502/QĐ-UBND', date: '2022-03-23', issuer: 'UBND tỉnh Lạng Sơn', source: 'public' }),
    ]);
  });

  it('answers 404 for a cluster that does not exist and 400 for a malformed id', async () => {
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/clusters/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('999999');
    for (const bad of ['abc', '-1', '0', "1;DROP TABLE clusters", '99999999999999']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/clusters/${encodeURIComponent(bad)}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    const { rows } = await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM clusters');
    expect(rows[0]!.n).toBe(7);
  });
});

describe('GET /api/admin-units', () => {
  it('serves the province, 11 districts and 226 communes', async () => {
    const counts: Record<string, number> = {};
    for (const level of ['province', 'district', 'commune']) {
      const res = await ctx.app.inject({ method: 'GET', url: `/api/admin-units?level=${level}` });
      expect(res.statusCode).toBe(200);
      counts[level] = res.json().features.length;
    }
    expect(counts).toEqual({ province: 1, district: 11, commune: 226 });
  });

  it('the province outline has no sliver holes and its area is about 8,310 km²', async () => {
    const { rows } = await ctx.db.pool.query<{ km2: number; holes: number }>(
      `SELECT ST_Area(geom::geography) / 1e6 AS km2,
              (SELECT sum(ST_NumInteriorRings(d.geom)) FROM ST_Dump(geom) d)::int AS holes
       FROM admin_units WHERE level = 'province'`,
    );
    expect(rows[0]!.holes).toBe(0);
    expect(rows[0]!.km2).toBeGreaterThan(8200);
    expect(rows[0]!.km2).toBeLessThan(8450);
  });

  it('refuses an unknown level with a 400 naming the field', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/admin-units?level=village' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('level');
  });
});
