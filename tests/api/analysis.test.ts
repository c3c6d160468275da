import type { MultiPolygon, Polygon } from 'geojson';
import fastJson from 'fast-json-stringify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictResponseSchema } from '../../server/analysis/schemas';
import { scaleToArea } from './analysis-geometry';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];

interface CodeRow { landCode: string; severity: string; overlapHa: number; pct: number; features: { id: number; name: string | null; overlapHa: number; geometry?: unknown }[] }
interface Result {
  area: { planeHa: number; ellipsoidalHa: number };
  table: { clusterHa: number; layers: { layerId: string; coveredHa: number; uncoveredHa: number; codes: CodeRow[] }[]; severities: { severity: string; overlapHa: number }[] };
  rules: { ruleId: string; status: string; article: { vi: string; article: string }; numbers: Record<string, unknown>; regime: { id: string } }[];
  srid: number;
}

const check = async (body: object) => ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: body });
const result = async (body: object): Promise<Result> => {
  const res = await check(body);
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json() as Result;
};
const rule = (r: Result, id: string) => r.rules.find((x) => x.ruleId === id)!;

async function clusters() {
  return q<{ id: number; name: string; tm3_srid: number; geometry: Polygon | MultiPolygon }>(
    `SELECT c.id, c.name, c.tm3_srid, ST_AsGeoJSON(b.geom, 9)::json AS geometry
     FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current ORDER BY c.id`,
  );
}

describe('POST /api/analysis/conflicts on every seeded cluster', () => {
  it('overlap hectares per layer and land code equal an independent PostGIS computation (±0.01 ha)', async () => {
    const all = await clusters();
    expect(all.length).toBeGreaterThanOrEqual(7);
    let compared = 0;
    for (const c of all) {
      const r = await result({ clusterId: c.id, options: { date: '2025-01-15' } });
      // Independent: ST_Area of ST_Intersection in the cluster's TM-3, grouped by layer and code.
      const oracle = await q<{ layer_id: string; land_code: string; ha: number }>(
        `SELECT z.layer_id, z.land_code, sum(ST_Area(ST_Intersection(ST_Transform(z.geom, c.tm3_srid), ST_Transform(b.geom, c.tm3_srid)))) / 10000 AS ha
         FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
         JOIN plan_zones z ON ST_Intersects(z.geom, b.geom)
         WHERE c.id = $1 GROUP BY 1, 2`,
        [c.id],
      );
      const other = await q<{ ha: number }>(
        `SELECT sum(ST_Area(ST_Intersection(ST_Transform(o.geom, c.tm3_srid), ST_Transform(b.geom, c.tm3_srid)))) / 10000 AS ha
         FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
         JOIN cluster_boundaries o ON o.is_current AND o.cluster_id <> c.id AND ST_Intersects(o.geom, b.geom)
         WHERE c.id = $1`,
        [c.id],
      );
      const api = new Map<string, number>();
      for (const l of r.table.layers) for (const row of l.codes) api.set(`${l.layerId}|${row.landCode}`, (api.get(`${l.layerId}|${row.landCode}`) ?? 0) + row.overlapHa);
      for (const o of oracle) {
        if (o.ha < 0.005) continue; // touching edges
        expect(api.get(`${o.layer_id}|${o.land_code}`) ?? 0, `${c.name} ${o.layer_id} ${o.land_code}`).toBeCloseTo(o.ha, 2);
        expect(Math.abs((api.get(`${o.layer_id}|${o.land_code}`) ?? 0) - o.ha)).toBeLessThanOrEqual(0.01);
        compared++;
      }
      for (const [k, ha] of api) {
        if (k.startsWith('clusters|')) continue;
        const [layer, code] = k.split('|');
        const o = oracle.find((x) => x.layer_id === layer && x.land_code === code);
        expect(Math.abs(ha - (o?.ha ?? 0)), `${c.name} ${k}`).toBeLessThanOrEqual(0.01);
      }
      const otherApi = r.table.layers.find((l) => l.layerId === 'clusters')?.codes.reduce((s, x) => s + x.overlapHa, 0) ?? 0;
      expect(Math.abs(otherApi - (other[0]?.ha ?? 0)), `${c.name} other clusters`).toBeLessThanOrEqual(0.01);

      // Cluster area: TM-3 plane, as the registry computes it.
      const plane = await q<{ ha: number }>(
        `SELECT ST_Area(ST_Transform(b.geom, c.tm3_srid)) / 10000 AS ha FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.id = $1`,
        [c.id],
      );
      expect(Math.abs(r.area.planeHa - plane[0]!.ha)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(r.area.ellipsoidalHa / r.area.planeHa - 1)).toBeLessThan(0.005);

      // Overlaps add up in every layer whose zones do not overlap each other.
      const selfOverlap = await q<{ layer_id: string; extra: number }>(
        `SELECT z.layer_id, (sum(ST_Area(ST_Transform(ST_Intersection(z.geom, b.geom), 9215))) - ST_Area(ST_Transform(ST_Union(ST_Intersection(z.geom, b.geom)), 9215))) / 10000 AS extra
         FROM cluster_boundaries b JOIN plan_zones z ON ST_Intersects(z.geom, b.geom) WHERE b.cluster_id = $1 AND b.is_current GROUP BY 1`,
        [c.id],
      );
      const partitions = selfOverlap.filter((s) => s.extra < 0.001).map((s) => s.layer_id);
      expect(partitions, c.name).toContain('land_use');
      for (const l of r.table.layers.filter((x) => partitions.includes(x.layerId))) {
        const sum = l.codes.reduce((s, x) => s + x.overlapHa, 0);
        expect(Math.abs(sum + l.uncoveredHa - r.area.planeHa), `${c.name} ${l.layerId}`).toBeLessThanOrEqual(0.01);
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('draws every overlapping piece on the map with the outline of its hectares: whole zones, cut pieces and a subject inside one zone', async () => {
    let pieces = 0;
    const subjects: { body: object; srid: number }[] = (await clusters()).map((c) => ({ body: { clusterId: c.id }, srid: c.tm3_srid }));
    // A small square well inside one zone: the piece is the subject itself.
    const [inner] = await q<{ geometry: Polygon }>(
      `SELECT ST_AsGeoJSON(ST_Expand(ST_PointOnSurface(geom), 0.0002), 9)::json AS geometry FROM plan_zones WHERE ST_Area(geom::geography) > 200000 ORDER BY id LIMIT 1`,
    );
    subjects.push({ body: { geometry: inner!.geometry }, srid: 9215 });
    for (const s of subjects) {
      const r = await result({ ...s.body, options: { date: '2025-01-15' } });
      for (const l of r.table.layers)
        for (const row of l.codes)
          for (const f of row.features) {
            if (!f.geometry) continue;
            const [a] = await q<{ ha: number }>('SELECT ST_Area(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $2::int)) / 10000 AS ha', [JSON.stringify(f.geometry), s.srid]);
            expect(Math.abs(a!.ha - f.overlapHa), `${l.layerId} ${row.landCode} #${f.id}: outline ${a!.ha} ha, overlap ${f.overlapHa} ha`).toBeLessThanOrEqual(0.005);
            pieces++;
          }
    }
    expect(pieces).toBeGreaterThan(30);
  });

  it('replies with what its documented schema describes, the outlines as PostGIS wrote them', async () => {
    const [dl] = await q<{ id: number }>(`SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'`);
    const res = await check({ clusterId: dl!.id, options: { date: '2025-01-15' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = res.json() as Result;
    // The schema-based serialiser writes only what the 200 schema documents: nothing is left out.
    expect(JSON.parse(fastJson(conflictResponseSchema as never)(body))).toEqual(body);
    // A subject inside one zone is its own piece: drawn with ST_AsGeoJSON's text, verbatim.
    const [inner] = await q<{ geometry: Polygon; text: string }>(
      `SELECT ST_AsGeoJSON(x.g, 9)::json AS geometry, ST_AsGeoJSON(x.g, 7) AS text
       FROM (SELECT ST_Expand(ST_PointOnSurface(geom), 0.0002) AS g FROM plan_zones WHERE ST_Area(geom::geography) > 200000 ORDER BY id LIMIT 1) AS x`,
    );
    const own = await check({ geometry: inner!.geometry, options: { date: '2025-01-15' } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(`"geometry":${inner!.text}`);
  });

  it('a boundary that redraws a saved cluster is judged with that cluster\'s record', async () => {
    const [dl] = await q<{ id: number; is_mountainous: boolean; declared_area_ha: number; geometry: Polygon | MultiPolygon }>(
      `SELECT c.id, c.is_mountainous, c.declared_area_ha, ST_AsGeoJSON(b.geom, 9)::json AS geometry
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = 'Cụm công nghiệp Đình Lập'`,
    );
    const r = (await result({ geometry: dl!.geometry, options: { date: '2025-01-15', excludeClusterId: dl!.id } })) as Result & {
      inputs: { mountainous: boolean; plannedAreaHa: number | null };
    };
    expect(r.inputs.mountainous).toBe(dl!.is_mountainous);
    expect(r.inputs.plannedAreaHa).toBe(dl!.declared_area_ha);
    expect(r.inputs.plannedAreaHa).toBe(71.39);
  });

  it('names the intersecting features with their overlap geometry and severity per land code', async () => {
    const [dl] = await q<{ id: number }>(`SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'`);
    const r = await result({ clusterId: dl!.id, options: { date: '2025-01-15' } });
    const forest = r.table.layers.find((l) => l.layerId === 'forest')!;
    const rph = forest.codes.find((c) => c.landCode === 'RPH')!;
    expect(rph.severity).toBe('blocking');
    expect(rph.features[0]!.geometry).toMatchObject({ type: expect.stringMatching(/Polygon/) });
    expect(rph.features[0]!.id).toBeGreaterThan(0);
    const lu = r.table.layers.find((l) => l.layerId === 'land_use')!;
    expect(lu.codes.find((c) => c.landCode === 'ONT')?.severity).toBe('resettlement');
    expect(lu.codes.find((c) => c.landCode.startsWith('LU'))?.severity).toBe('needs_approval');
    // Its own planned site (SKN) is its target, not a conflict.
    const ind = r.table.layers.find((l) => l.layerId === 'industrial');
    expect(ind?.codes.find((c) => c.landCode === 'SKN')?.severity).toBe('target');
    expect(r.table.severities[0]!.severity).toBe('blocking');
    // Residential land inside: the no-residents rule fails (Art. 2.1).
    expect(rule(r, 'no_residents').status).toBe('fail');
  });
});

describe('legal rules through the API', () => {
  it('area band: 71,39 ha mountainous passes; 80 ha fails citing Điều 2; 4,5 ha fails; 6 ha passes only when mountainous', async () => {
    const [dl] = await clusters().then((all) => all.filter((c) => c.name === 'Cụm công nghiệp Đình Lập'));
    const g = dl!.geometry;
    const base = { date: '2025-01-15' };
    const a = await result({ geometry: g, options: { ...base, mountainous: true } });
    expect(a.area.planeHa.toFixed(2)).toBe('71.39');
    expect(rule(a, 'area_band').status).toBe('pass');

    const big = await result({ geometry: scaleToArea(g, 80), options: { ...base, mountainous: true } });
    expect(big.area.planeHa.toFixed(2)).toBe('80.00');
    expect(rule(big, 'area_band').status).toBe('fail');
    expect(rule(big, 'area_band').article.vi).toContain('Điều 2');
    expect(rule(big, 'area_band').numbers).toMatchObject({ area_ha: 80, max_ha: 75 });

    const tiny = scaleToArea(g, 4.5);
    for (const mountainous of [true, false]) expect(rule(await result({ geometry: tiny, options: { ...base, mountainous } }), 'area_band').status).toBe('fail');

    const six = scaleToArea(g, 6);
    expect(rule(await result({ geometry: six, options: base }), 'area_band').status).toBe('fail');
    expect(rule(await result({ geometry: six, options: { ...base, mountainous: true } }), 'area_band').status).toBe('pass');
  });

  it('each result carries the regime in force on the chosen date; dates before Decree 32/2024 are refused', async () => {
    const [dl] = await q<{ id: number }>(`SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'`);
    const before = await result({ clusterId: dl!.id, options: { date: '2025-06-30' } });
    const after = await result({ clusterId: dl!.id, options: { date: '2025-07-01' } });
    expect(new Set(before.rules.map((r) => r.regime.id))).toEqual(new Set(['nd32-2024']));
    expect(new Set(after.rules.map((r) => r.regime.id))).toEqual(new Set(['nd32-2024-reform-2025']));
    expect(rule(after, 'occupancy_new').numbers.scope).toBe('former_district');
    const old = await check({ clusterId: dl!.id, options: { date: '2023-01-01' } });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.message).toContain('2024-05-01');
  });

  it('the occupancy test uses the registry figures and leaves out clusters without a detailed plan', async () => {
    const [hs] = await q<{ id: number }>(`SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Hòa Sơn 1'`);
    const r = await result({ clusterId: hs!.id, options: { date: '2025-01-15' } });
    const occ = rule(r, 'occupancy_new');
    expect(occ.article.article).toBe('Art. 8.1c');
    expect(['pass', 'warn', 'fail']).toContain(occ.status);
    expect(occ.numbers).toHaveProperty('clusters_in_scope');
  });
});

describe('expansion test with occupancy from the plots', () => {
  it('uses the computed occupancy (leased or approved ÷ industrial plot area) where a cluster has plots', async () => {
    const view = await q<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.views WHERE table_name = 'cluster_occupancy_computed'`);
    const [withPlots] = view[0]!.n
      ? await q<{ id: number; pct: number }>(`SELECT cluster_id AS id, occupancy_pct AS pct FROM cluster_occupancy_computed WHERE occupancy_pct IS NOT NULL ORDER BY cluster_id LIMIT 1`)
      : [];
    if (!withPlots) return; // no plots in this build
    const r = await result({ clusterId: withPlots.id, options: { date: '2025-08-01', kind: 'expansion', infrastructure: { roads: true, waterSupply: true, wastewater: true } } });
    const ex = rule(r, 'expansion');
    expect(ex.article.article).toBe('Art. 8.2');
    expect(ex.numbers.occupancy_pct as number).toBeCloseTo(Number(withPlots.pct), 1);
    expect(ex.status).toBe(Number(withPlots.pct) >= 60 && r.area.planeHa <= 75.004 ? 'pass' : 'fail');
    expect(rule(r, 'occupancy_new').status).toBe('not_applicable');
  });
});

describe('invalid input', () => {
  const square = (x: number, y: number, d = 0.005) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];
  const cases: [string, unknown][] = [
    ['self-intersecting', { geometry: { type: 'Polygon', coordinates: [[[107, 21.5], [107.01, 21.51], [107.01, 21.5], [107, 21.51], [107, 21.5]]] } }],
    ['empty', { geometry: { type: 'Polygon', coordinates: [] } }],
    ['empty multipolygon', { geometry: { type: 'MultiPolygon', coordinates: [] } }],
    ['out-of-range', { geometry: { type: 'Polygon', coordinates: [[[107, 21], [190, 21], [107, 95], [107, 21]]] } }],
    ['wrong type', { geometry: { type: 'LineString', coordinates: [[107, 21], [107.1, 21.1]] } }],
    ['not geometry', { geometry: 'POLYGON((1 1, 2 2, 3 1, 1 1))' }],
    ['two subjects', { geometry: { type: 'Polygon', coordinates: square(107, 21.5) }, clusterId: 1 }],
    ['no subject', { options: {} }],
    ['unknown option', { geometry: { type: 'Polygon', coordinates: square(107, 21.5) }, options: { drop: 'table' } }],
    ['unknown cluster', { clusterId: 999999 }],
  ];

  it.each(cases)('%s → 4xx with the reason', async (_name, body) => {
    const res = await check(body as object);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message.length).toBeGreaterThan(5);
  });

  it('says where a self-intersection is', async () => {
    const res = await check(cases[0]![1] as object);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.reason).toBe('SELF_INTERSECTION');
    expect(res.json().error.message).toContain('107.005000, 21.505000');
  });

  // Past the browser-side checks (each ring, and the rings of one polygon, do not cross), PostGIS has the
  // last word, inside the statements that use the subject: nothing is computed for a bad one.
  it.each([
    ['a hole outside its shell', { type: 'Polygon', coordinates: [square(107, 21.5)[0], square(107.02, 21.52, 0.001)[0]] }, /Hole lies outside shell/, [107.02, 21.52]],
    ['two overlapping parts', { type: 'MultiPolygon', coordinates: [square(107, 21.5), square(107.002, 21.502)] }, /Self-intersection/, [107.005, 21.502]],
  ])('PostGIS refuses %s: 422 with its reason and the point', async (_name, geometry, reason, point) => {
    const res = await check({ geometry });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.details.reason).toBe('INVALID');
    expect(error.message).toMatch(reason);
    expect(error.details.where.type).toBe('Point');
    expect(error.details.where.coordinates[0]).toBeCloseTo(point[0]!, 6);
    expect(error.details.where.coordinates[1]).toBeCloseTo(point[1]!, 6);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses 10^6 vertices quickly, then keeps serving', async () => {
    const n = 1_000_000;
    const ring: number[][] = new Array(n);
    for (let i = 0; i < n - 1; i++) {
      const t = (2 * Math.PI * i) / (n - 1);
      ring[i] = [+(107 + 0.01 * Math.cos(t)).toFixed(7), +(21.5 + 0.01 * Math.sin(t)).toFixed(7)];
    }
    ring[n - 1] = ring[0]!;
    const t0 = Date.now();
    const res = await check({ geometry: { type: 'Polygon', coordinates: [ring] } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.message).toMatch(/vertices|too large/i);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const health = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const ok = await result({ geometry: { type: 'Polygon', coordinates: square(107.0, 21.5) }, options: { date: '2025-01-15' } });
    expect(ok.area.planeHa).toBeGreaterThan(0);
  });
});
