/**
 * Safety distances of the conflict check (Art. 4.2: residential land, relics, water): the nearest
 * zone of each category as the API reports it must equal an independent brute-force measure — the
 * smallest TM-3 plane distance to EVERY zone of the category's codes — whenever it is within the
 * searched radius, and be absent otherwise. Subjects: every demo cluster's boundary and the same
 * boundary moved ~450 m in four directions.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetOn } from '../../src/core/rules/rule-sets';
import { SAFETY_CATEGORIES } from '../../src/core/rules/safety.rules';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const DATE = '2026-06-01';
const RULE_ID = { residential: 'safety_residential', relics: 'safety_relics', water: 'safety_water' } as const;

const move = (g: Polygon | MultiPolygon, dx: number, dy: number): Polygon | MultiPolygon => {
  const m = (p: Position) => [p[0]! + dx, p[1]! + dy];
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(m)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(m))) };
};

describe('safety distances', () => {
  it('equal the brute-force nearest distance in the TM-3 plane for every category, within the searched radius', async () => {
    const rs = ruleSetOn(DATE)!;
    const clusters = (
      await ctx.db.pool.query<{ geometry: Polygon | MultiPolygon; srid: number }>(
        'SELECT ST_AsGeoJSON(b.geom, 9)::json AS geometry, c.tm3_srid AS srid FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current ORDER BY c.id',
      )
    ).rows;
    expect(clusters.length).toBeGreaterThanOrEqual(6);
    let measured = 0;
    let compared = 0;
    for (const c of clusters) {
      for (const [dx, dy] of [[0, 0], [0.0045, 0], [-0.0045, 0], [0, 0.0045], [0, -0.0045]] as const) {
        const geometry = move(c.geometry, dx, dy);
        const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { geometry, srid: c.srid, options: { date: DATE, includeGeometry: false } } });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        const rules = (res.json() as { rules: { ruleId: string; numbers: { nearest_m: number | null; searched_m: number } }[] }).rules;
        for (const cat of SAFETY_CATEGORIES) {
          const r = rules.find((x) => x.ruleId === RULE_ID[cat])!;
          const { rows } = await ctx.db.pool.query<{ d: number | null }>(
            `WITH s AS (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), $2::int) AS g)
             SELECT min(ST_Distance(ST_Transform(z.geom, $2::int), s.g)) AS d FROM plan_zones z, s WHERE z.land_code = ANY ($3::text[])`,
            [JSON.stringify(geometry), c.srid, rs.safety[cat].landCodes],
          );
          const d = rows[0]!.d;
          const expected = d !== null && d <= r.numbers.searched_m ? Math.round(d * 10) / 10 : null;
          expect(r.numbers.nearest_m, `${cat} for a boundary moved (${dx}, ${dy})`).toBe(expected);
          compared++;
          if (expected !== null) measured++;
        }
      }
    }
    expect(compared).toBe(clusters.length * 5 * 3);
    // The demo plan has land of these categories near the clusters: most comparisons are real distances.
    expect(measured).toBeGreaterThan(compared / 3);
  });
});
