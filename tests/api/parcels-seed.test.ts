import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/core/clearance/replay';
import { landGroupOf, PARCEL_STATUSES, STATUS_STEP, type ParcelAction } from '../../src/core/clearance/steps';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const DL = "(SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập')";

describe('demo parcels of the Đình Lập cluster (synthetic)', () => {
  it('about 300 parcels tile the cluster: inside its boundary, no two overlapping, covering it', async () => {
    const { rows } = await ctx.db.pool.query<{ n: number; outside: number; covered_ha: number; cluster_ha: number; synthetic: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE NOT ST_Within(p.geom, b.geom))::int AS outside,
              sum(ST_Area(ST_Transform(p.geom, 9215))) / 10000 AS covered_ha,
              min(ST_Area(ST_Transform(b.geom, 9215))) / 10000 AS cluster_ha,
              count(*) FILTER (WHERE p.is_synthetic)::int AS synthetic
       FROM parcels p JOIN cluster_boundaries b ON b.cluster_id = p.cluster_id AND b.is_current
       WHERE p.cluster_id = ${DL}`,
    );
    const r = rows[0]!;
    expect(r.n).toBeGreaterThanOrEqual(280);
    expect(r.n).toBeLessThanOrEqual(330);
    expect(r.outside).toBe(0);
    expect(r.synthetic).toBe(r.n);
    expect(r.covered_ha / r.cluster_ha).toBeGreaterThan(0.99);
    expect(r.covered_ha).toBeLessThanOrEqual(r.cluster_ha);
    const overlaps = await ctx.db.pool.query<{ n: number; m2: number }>(
      `SELECT count(*)::int AS n, coalesce(sum(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 9215))), 0) AS m2
       FROM parcels a JOIN parcels b ON a.id < b.id AND ST_Intersects(a.geom, b.geom)
       WHERE a.cluster_id = ${DL} AND b.cluster_id = ${DL} AND ST_Relate(a.geom, b.geom, '2********')`,
    );
    expect(overlaps.rows[0]!.n).toBe(0);
  });

  it('mixes land codes (rice, perennial crops, forest, residential), graves, households with several parcels', async () => {
    const { rows } = await ctx.db.pool.query<{ code: string; n: number }>(
      `SELECT legal_land_code AS code, count(*)::int AS n FROM parcels WHERE cluster_id = ${DL} GROUP BY 1`,
    );
    const codes = Object.fromEntries(rows.map((r) => [r.code, r.n]));
    for (const c of ['LUC', 'CLN', 'RSX', 'ONT', 'NTD']) expect(codes[c] ?? 0, c).toBeGreaterThan(0);
    const g = await ctx.db.pool.query<{ graves: number; multi: number }>(
      `SELECT (SELECT sum((inventory->'graves'->>'total')::int) FROM parcels WHERE cluster_id = ${DL})::int AS graves,
              (SELECT count(*) FROM (SELECT household_id FROM parcel_owners GROUP BY 1 HAVING count(DISTINCT parcel_id) > 1) x)::int AS multi`,
    );
    expect(g.rows[0]!.graves).toBeGreaterThan(20);
    expect(g.rows[0]!.multi).toBeGreaterThan(10);
  });

  it('statuses spread over every step; each stored state is its event history replayed', async () => {
    const { rows } = await ctx.db.pool.query<{ id: number; status: string; legal_land_code: string; planned_on: string; events: { action: ParcelAction; date: string; decisionNo: string | null; signatory: string | null; amount: number | null; deposited: boolean | null }[] }>(
      `SELECT p.id, p.status, p.legal_land_code, p.planned_on,
              coalesce((SELECT json_agg(json_build_object('action', e.action, 'date', e.date, 'decisionNo', e.decision_no,
                 'signatory', e.signatory, 'amount', e.amount::float8, 'deposited', e.deposited) ORDER BY e.seq)
               FROM parcel_events e WHERE e.parcel_id = p.id), '[]') AS events
       FROM parcels p WHERE p.cluster_id = ${DL}`,
    );
    const steps = new Set(rows.map((r) => STATUS_STEP[r.status as keyof typeof STATUS_STEP]));
    expect([...steps].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const r of rows) {
      expect(PARCEL_STATUSES).toContain(r.status);
      const s = replay(landGroupOf(r.legal_land_code), r.planned_on, r.events.map((e) => ({ ...e, deposited: e.deposited ?? undefined })));
      expect(s?.status, `parcel ${r.id}`).toBe(r.status);
    }
    const dates = await ctx.db.pool.query<{ first: string; last: string }>(
      `SELECT min(date)::text AS first, max(date)::text AS last FROM parcel_events e JOIN parcels p ON p.id = e.parcel_id WHERE p.cluster_id = ${DL}`,
    );
    expect(dates.rows[0]!.first >= '2025-05-21').toBe(true);
    expect(dates.rows[0]!.last <= '2026-11-21').toBe(true);
  });
});
