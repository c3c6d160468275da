import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];
const boundary = async (name: string) =>
  (
    await q<{ id: number; geometry: Polygon | MultiPolygon }>(
      `SELECT c.id, ST_AsGeoJSON(b.geom, 9)::json AS geometry FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = $1`,
      [name],
    )
  )[0]!;

interface Sev { severity: string; overlapHa: number }
const conflicts = async (body: object) => {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: body });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as { area: { planeHa: number }; table: { severities: Sev[]; layers: { layerId: string; codes: { landCode: string; severity: string; overlapHa: number }[] }[] } };
};
const blockingHa = (t: { severities: Sev[] }) => t.severities.find((s) => s.severity === 'blocking')?.overlapHa ?? 0;

describe('trim to buildable', () => {
  it('a proposal over protection forest comes back valid, smaller, with zero blocking overlap on re-check', async () => {
    const dl = await boundary('Cụm công nghiệp Đình Lập');
    const before = await conflicts({ geometry: dl.geometry, options: { excludeClusterId: dl.id, includeGeometry: false } });
    const rph = before.table.layers.flatMap((l) => l.codes).find((c) => c.landCode === 'RPH');
    expect(rph?.overlapHa).toBeGreaterThan(1);
    expect(blockingHa(before.table)).toBeGreaterThan(1);

    const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/trim', payload: { geometry: dl.geometry, options: { mountainous: true } } });
    expect(res.statusCode).toBe(200);
    const t = res.json() as { geometry: MultiPolygon; areaHa: number; originalHa: number; removedHa: number; removedCodes: string[]; meetsMinimum: boolean; areaRule: { status: string; article: { vi: string } } };
    expect(t.geometry.type).toBe('MultiPolygon');
    expect(t.removedCodes).toContain('RPH');
    expect(t.originalHa).toBeCloseTo(71.39, 2);
    expect(t.areaHa).toBeLessThan(t.originalHa - 1);
    expect(Math.abs(t.areaHa + t.removedHa - t.originalHa)).toBeLessThan(1e-6);
    expect(t.meetsMinimum).toBe(true);
    expect(t.areaRule.status).toBe('pass');
    const [valid] = await q<{ valid: boolean; reason: string }>(
      `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x`,
      [JSON.stringify(t.geometry)],
    );
    expect(valid).toEqual({ valid: true, reason: 'Valid Geometry' });

    const after = await conflicts({ geometry: t.geometry, options: { excludeClusterId: dl.id, includeGeometry: false } });
    expect(after.area.planeHa).toBeCloseTo(t.areaHa, 4);
    expect(blockingHa(after.table)).toBeLessThan(0.005); // 0,00 ha
    // Independent: no blocking zone overlaps it by more than 1 m².
    const [oracle] = await q<{ m2: number | null }>(
      `SELECT sum(ST_Area(ST_Intersection(ST_Transform(z.geom, 9215), ST_Transform(g, 9215)))) AS m2
       FROM plan_zones z, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x
       WHERE z.land_code IN ('RPH', 'RDD', 'CQP', 'CAN', 'DDD') AND ST_Intersects(z.geom, g)`,
      [JSON.stringify(t.geometry)],
    );
    expect(oracle!.m2 ?? 0).toBeLessThan(1);
    // Its own planned site is still its target, not a conflict.
    expect(after.table.severities.find((s) => s.severity === 'conflict')).toBeUndefined();
  });

  it('optionally also leaves out land needing approval, and says when the rest is below the minimum', async () => {
    const dl = await boundary('Cụm công nghiệp Đình Lập');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/trim', payload: { clusterId: dl.id, options: { excludeNeedsApproval: true } } });
    expect(res.statusCode).toBe(200);
    const t = res.json() as { areaHa: number; removedCodes: string[]; meetsMinimum: boolean; areaRule: { numbers: { min_ha: number } } };
    expect(t.removedCodes).toEqual(expect.arrayContaining(['RPH', 'RSX']));
    expect(t.removedCodes.some((c) => c.startsWith('LU'))).toBe(true);
    expect(t.meetsMinimum).toBe(t.areaHa >= t.areaRule.numbers.min_ha);
  });

  it('refuses an invalid boundary with the reason', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/trim', payload: { geometry: { type: 'Point', coordinates: [107, 21] } } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('Polygon');
  });
});

describe('compare scenarios', () => {
  it('puts two to four scenarios side by side, with parcels where parcel data exists', async () => {
    const dl = await boundary('Cụm công nghiệp Đình Lập');
    const trimmed = (await ctx.app.inject({ method: 'POST', url: '/api/analysis/trim', payload: { clusterId: dl.id } })).json() as { geometry: MultiPolygon; areaHa: number };
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/analysis/compare',
      payload: { items: [{ clusterId: dl.id }, { geometry: trimmed.geometry, label: 'Đã cắt rừng phòng hộ' }], options: { date: '2025-08-01', excludeClusterId: dl.id } },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const { scenarios } = res.json() as { scenarios: { label: string; area: { planeHa: number }; severities: Sev[]; rules: { ruleId: string; status: string }[]; parcels: { available: boolean; parcels: number | null } }[] };
    expect(scenarios.map((s) => s.label)).toEqual(['Cụm công nghiệp Đình Lập', 'Đã cắt rừng phòng hộ']);
    expect(scenarios[0]!.area.planeHa).toBeCloseTo(71.39, 2);
    expect(scenarios[1]!.area.planeHa).toBeCloseTo(trimmed.areaHa, 4);
    expect(blockingHa(scenarios[0]!)).toBeGreaterThan(1);
    expect(blockingHa(scenarios[1]!)).toBeLessThan(0.005);
    expect(scenarios[0]!.rules.find((r) => r.ruleId === 'area_band')?.status).toBe('pass');
    for (const s of scenarios) expect(typeof s.parcels.available).toBe('boolean');

    const tooMany = await ctx.app.inject({ method: 'POST', url: '/api/analysis/compare', payload: { items: [{ clusterId: dl.id }] } });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('a saved proposal as the subject', () => {
  it('analyses a proposal by id (rows made here and removed), and 404s an unknown one', async () => {
    const dl = await boundary('Cụm công nghiệp Đình Lập');
    const cols = await q<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'proposals' AND column_name = 'geom'`);
    if (cols[0]!.n === 0) return; // the proposals feature is not in this build
    const [p] = await q<{ id: number }>(
      `INSERT INTO proposals (name, origin, cluster_id, geom) VALUES ('Phương án kiểm thử phân tích', 'trim', $1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))) RETURNING id`,
      [dl.id, JSON.stringify(dl.geometry)],
    );
    try {
      const r = await conflicts({ proposalId: p!.id, options: { date: '2025-08-01', includeGeometry: false } });
      expect(r.area.planeHa).toBeCloseTo(71.39, 2);
      const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { proposalId: p!.id, options: { includeGeometry: false } } });
      expect(res.json().subject).toMatchObject({ kind: 'proposal', id: p!.id, name: 'Phương án kiểm thử phân tích', clusterId: dl.id });
      // Its cluster is left out of the conflicts; its planned site is its target.
      expect(r.table.severities.find((s) => s.severity === 'conflict')).toBeUndefined();
    } finally {
      await q('DELETE FROM proposals WHERE id = $1', [p!.id]);
    }
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { proposalId: 2147483000 } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('features for the live estimate', () => {
  it('serves plan zones and cluster boundaries in a box, and refuses a bad box', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/analysis/features?bbox=106.0,21.3,107.4,22.5' });
    expect(res.statusCode).toBe(200);
    const fc = res.json() as { features: { properties: { layer_id: string } }[]; truncated: boolean };
    const [n] = await q<{ n: number }>(`SELECT (SELECT count(*) FROM plan_zones) + (SELECT count(*) FROM cluster_boundaries WHERE is_current) AS n`);
    expect(fc.features.length).toBe(Number(n!.n));
    expect(new Set(fc.features.map((f) => f.properties.layer_id))).toContain('clusters');
    for (const bad of ['1,2,3', '107,22,106,21', '100,0,110,10', 'a,b,c,d']) {
      const r = await ctx.app.inject({ method: 'GET', url: `/api/analysis/features?bbox=${bad}` });
      expect(r.statusCode, bad).toBe(400);
    }
  });
});
