/**
 * Overlap-free plan layers (migration 064): the conflict check SUMS the pieces of a layer known to
 * have no overlapping zones and unions the rest. Whatever the state, its covered hectares per layer
 * and per severity must equal an independent ST_Union over the raw zones.
 */
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlanLayerOverlaps } from '../../server/analysis/layer-overlaps';
import { severityLookup } from '../../src/core/analysis/severity';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];
const states = async () => Object.fromEntries((await q<{ layer_id: string; state: string }>('SELECT layer_id, state FROM derived.plan_layer_overlaps')).map((r) => [r.layer_id, r.state]));

/** Independent: does any zone of the layer overlap another (interiors), by a plain self-join. */
const overlapsIndependently = async (layer: string) =>
  (await q<{ x: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM plan_zones a JOIN plan_zones b ON a.layer_id = b.layer_id AND a.id < b.id
                    WHERE a.layer_id = $1 AND ST_Overlaps(a.geom, b.geom) OR (a.layer_id = $1 AND b.layer_id = $1 AND a.id < b.id
                      AND (ST_Within(a.geom, b.geom) OR ST_Within(b.geom, a.geom)))) AS x`,
    [layer],
  ))[0]!.x;

interface Table {
  layers: { layerId: string; coveredHa: number }[];
  severities: { severity: string; overlapHa: number }[];
}

type Subject = { clusterId: number } | { geometry: Polygon };

/** The API's table for a cluster or a boundary against ST_Union of the raw pieces per layer and per severity. */
async function compareWithUnion(subject: Subject | number): Promise<number> {
  const sub: Subject = typeof subject === 'number' ? { clusterId: subject } : subject;
  const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { ...sub, options: { includeGeometry: false } } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const { table, srid } = res.json() as { table: Table; srid: number };
  const clusterId = 'clusterId' in sub ? sub.clusterId : null;
  const pieces = `
    WITH c AS (
      SELECT c.id, c.name, c.tm3_srid AS srid, b.geom FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.id = $1
      UNION ALL
      SELECT NULL, NULL, $4::int, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326) WHERE $1::int IS NULL
    ),
    m AS (SELECT $2::jsonb AS map),
    p AS (
      SELECT z.layer_id, coalesce(m.map ->> (z.layer_id || '|' || k.key), m.map ->> ('*|' || k.key), 'none') AS severity,
             ST_Intersection(ST_Transform(z.geom, c.srid), ST_Transform(c.geom, c.srid)) AS piece
      FROM c JOIN plan_zones z ON ST_Intersects(z.geom, c.geom) CROSS JOIN m
      CROSS JOIN LATERAL (SELECT z.land_code || '|' || (z.land_code = 'SKN' AND z.name IS NOT DISTINCT FROM c.name)::text AS key) AS k
      UNION ALL
      SELECT 'clusters', coalesce(m.map ->> 'clusters|SKN|false', 'none'), ST_Intersection(ST_Transform(o.geom, c.srid), ST_Transform(c.geom, c.srid))
      FROM c JOIN cluster_boundaries o ON o.is_current AND o.cluster_id IS DISTINCT FROM c.id AND ST_Intersects(o.geom, c.geom)
      JOIN clusters oc ON oc.id = o.cluster_id AND oc.status <> 'removed_from_plan' CROSS JOIN m
    )`;
  const params = [clusterId, severityLookup(), 'geometry' in sub ? JSON.stringify(sub.geometry) : null, srid];
  const byLayer = await q<{ k: string; ha: number }>(`${pieces} SELECT layer_id AS k, ST_Area(ST_Union(piece)) / 10000 AS ha FROM p GROUP BY 1`, params);
  const bySeverity = await q<{ k: string; ha: number }>(`${pieces} SELECT severity AS k, ST_Area(ST_Union(piece)) / 10000 AS ha FROM p GROUP BY 1`, params);
  let compared = 0;
  for (const o of byLayer) {
    const api = table.layers.find((l) => l.layerId === o.k)?.coveredHa ?? 0;
    expect(Math.abs(api - o.ha), `${JSON.stringify(sub).slice(0, 120)} layer ${o.k}: ${api} vs ${o.ha}`).toBeLessThanOrEqual(0.01);
    compared++;
  }
  for (const o of bySeverity) {
    const api = table.severities.find((s) => s.severity === o.k)?.overlapHa ?? 0;
    expect(Math.abs(api - o.ha), `${JSON.stringify(sub).slice(0, 120)} severity ${o.k}: ${api} vs ${o.ha}`).toBeLessThanOrEqual(0.01);
    compared++;
  }
  return compared;
}

describe('overlap-free plan layers', () => {
  it('are recognised in the demo plan: land use and forests are free, corridors and industrial zones overlap', async () => {
    // Other test files write zones too (a bulk import leaves its layer unknown): verify every layer afresh.
    await q("UPDATE derived.plan_layer_overlaps SET state = 'unknown'");
    await checkPlanLayerOverlaps(ctx.db.pool);
    const s = await states();
    for (const layer of Object.keys(s)) expect(s[layer], layer).toBe((await overlapsIndependently(layer)) ? 'overlapping' : 'free');
    expect(s).toMatchObject({ land_use: 'free', forest: 'free', corridors: 'overlapping', industrial: 'overlapping' });
  });

  it('per layer and per severity, the covered hectares equal an independent ST_Union on every cluster (±0.01 ha)', async () => {
    const ids = (await q<{ id: number }>('SELECT cluster_id AS id FROM cluster_boundaries WHERE is_current ORDER BY 1')).map((r) => r.id);
    let compared = 0;
    for (const id of ids) compared += await compareWithUnion(id);
    expect(compared).toBeGreaterThan(30);
  });

  // Where the land-use pieces cover a subject, land of a severity that a forest also shows may be
  // counted from either side of the forest's outline (the pieces of that severity, or of the others):
  // seeded irregular boundaries over the forests and their edges take both ways.
  it('per severity, boundaries over forests and their edges equal the union whichever side is counted (±0.01 ha)', async () => {
    // Centres on forest outlines (every 7th vertex, in id order): the boundaries cross them.
    const centres = await q<{ x: number; y: number }>(
      `SELECT ST_X(d.geom) AS x, ST_Y(d.geom) AS y
       FROM (SELECT id, (ST_DumpPoints(geom)).* FROM plan_zones WHERE layer_id = 'forest') AS d
       ORDER BY d.id, d.path LIMIT 24 * 7`,
    );
    let seed = 20_261_121;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let compared = 0;
    for (let k = 0; k < 24; k++) {
      const { x: cx, y: cy } = centres[k * 7]!;
      const r = 0.002 + rand() * 0.004; // ~200–600 m
      const ring = Array.from({ length: 9 }, (_, i) => {
        const t = (2 * Math.PI * (i + 0.3 * (rand() - 0.5))) / 9;
        const f = 0.7 + 0.3 * rand();
        return [+(cx + Math.cos(t) * r * f).toFixed(7), +(cy + Math.sin(t) * r * f).toFixed(7)];
      });
      compared += await compareWithUnion({ geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } });
    }
    expect(compared).toBeGreaterThan(48);
  });

  // The same, built to take each way: a 4 × 4 grid of land-use squares (200 m) whose codes are mostly
  // of the forest's severity (then the few others are counted) or mostly not (then the same ones are),
  // under a forest triangle across it, and a boundary inside the grid (covered by land use).
  it.each([
    ['mostly of the forest\'s severity', 'RSX', 'CLN'],
    ['mostly of another severity', 'CLN', 'RSX'],
  ])('a grid of land-use squares %s under a forest equals the union per severity', async (_name, most, few) => {
    const [x0, y0, d] = [104.2, 20.4, 0.002];
    const added: number[] = [];
    try {
      for (let i = 0; i < 4; i++)
        for (let j = 0; j < 4; j++) {
          const code = (i + j) % 5 === 1 ? few : most;
          added.push((await q<{ id: number }>(
            `INSERT INTO plan_zones (layer_id, land_code, name, geom) VALUES ('land_use', $1, 'kiểm thử lưới', ST_Multi(ST_MakeEnvelope($2, $3, $4, $5, 4326))) RETURNING id`,
            [code, x0 + i * d, y0 + j * d, x0 + (i + 1) * d, y0 + (j + 1) * d],
          ))[0]!.id);
        }
      added.push((await q<{ id: number }>(
        `INSERT INTO plan_zones (layer_id, land_code, name, geom)
         VALUES ('forest', 'RSX', 'kiểm thử rừng', ST_Multi(ST_GeomFromText($1, 4326))) RETURNING id`,
        [`POLYGON((${x0 + 0.0003} ${y0 + 0.0005}, ${x0 + 4 * d - 0.0004} ${y0 + 0.0011}, ${x0 + 0.0017} ${y0 + 4 * d - 0.0006}, ${x0 + 0.0003} ${y0 + 0.0005}))`],
      ))[0]!.id);
      expect(await states()).toMatchObject({ land_use: 'free', forest: 'free' });
      const ring = [[x0 + 0.0007, y0 + 0.0002], [x0 + 4 * d - 0.0003, y0 + 0.0004], [x0 + 4 * d - 0.0009, y0 + 4 * d - 0.0002], [x0 + 0.0002, y0 + 4 * d - 0.0008]];
      expect(await compareWithUnion({ geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } })).toBeGreaterThanOrEqual(4);
    } finally {
      await q('DELETE FROM plan_zones WHERE id = ANY($1)', [added]);
    }
  });

  it('a zone written over another turns its layer overlapping at once, and the figures still equal the union; a bulk write leaves it to be verified', async () => {
    // Đình Lập and the land-use zone covering most of it.
    const [dl] = await q<{ id: number }>("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'");
    const [zone] = await q<{ id: number; land_code: string }>(
      `SELECT z.id, z.land_code FROM plan_zones z JOIN cluster_boundaries b ON b.cluster_id = $1 AND b.is_current
       WHERE z.layer_id = 'land_use' AND ST_Intersects(z.geom, b.geom) ORDER BY ST_Area(ST_Intersection(z.geom, b.geom)) DESC LIMIT 1`,
      [dl!.id],
    );
    const added: number[] = [];
    try {
      // A copy of that zone with another code, slightly shrunk: its interior overlaps the original.
      added.push(
        (await q<{ id: number }>(
          `INSERT INTO plan_zones (layer_id, land_code, name, geom)
           SELECT 'land_use', CASE WHEN land_code = 'LUC' THEN 'RSX' ELSE 'LUC' END, 'kiểm thử chồng lấn',
                  ST_Multi(ST_Buffer(geom, -0.0002)) FROM plan_zones WHERE id = $1 RETURNING id`,
          [zone!.id],
        ))[0]!.id,
      );
      expect((await states()).land_use).toBe('overlapping');
      expect(await compareWithUnion(dl!.id)).toBeGreaterThan(3);

      // Verification leaves a layer that is not "unknown" as it is.
      await q("UPDATE derived.plan_layer_overlaps SET state = 'unknown' WHERE layer_id = 'land_use'");
      expect(await checkPlanLayerOverlaps(ctx.db.pool)).toEqual({ land_use: 'overlapping' });
    } finally {
      await q('DELETE FROM plan_zones WHERE id = ANY($1)', [added]);
    }
    // Deleting never proves a layer free: it stays overlapping until verified.
    expect((await states()).land_use).toBe('overlapping');

    // A bulk write (over 2,000 rows in a statement) is not checked zone by zone: unknown, then verified.
    await q(
      `INSERT INTO plan_zones (layer_id, land_code, name, geom)
       SELECT 'relics', 'DDT', 'kiểm thử hàng loạt', ST_Multi(ST_MakeEnvelope(104 + i * 0.0001, 20, 104 + i * 0.0001 + 0.00005, 20.00005, 4326))
       FROM generate_series(1, 2001) AS i`,
    );
    try {
      expect((await states()).relics).toBe('unknown');
      await q("UPDATE derived.plan_layer_overlaps SET state = 'unknown' WHERE layer_id = 'land_use'");
      expect(await checkPlanLayerOverlaps(ctx.db.pool)).toEqual({ land_use: 'free', relics: 'free' });
    } finally {
      await q("DELETE FROM plan_zones WHERE name = 'kiểm thử hàng loạt'");
    }
    expect(await states()).toMatchObject({ land_use: 'free', relics: 'free' });
    expect(await compareWithUnion(dl!.id)).toBeGreaterThan(3);
  });
});
