import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import { connectDatabase } from '../../server/db/database';
import { computeOccupancy } from '../../src/core/occupancy/occupancy';
import { startTestApp, stopTestApp, type TestContext, signInjectAsAdmin } from './helpers';

let ctx: TestContext;
let hoSon: number;
beforeAll(async () => {
  ctx = await startTestApp();
  hoSon = (await ctx.db.pool.query<{ id: number }>("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Hồ Sơn 1'")).rows[0]!.id;
});
afterAll(() => stopTestApp(ctx));

interface PlotF {
  id: number;
  geometry: { type: string; coordinates: number[][][][] };
  properties: {
    id: number; code: string; land_use: string; area_ha: number; version: number; map_class: string;
    project_id: number | null; project_status: string | null; label_point: { coordinates: [number, number] };
  };
}
interface PlotsFC {
  features: PlotF[];
  occupancy: {
    computed: { industrial_area_ha: number; occupied_area_ha: number; vacant_area_ha: number; occupancy_pct: number; industrial_plot_count: number };
    typed: { occupancy_pct: number | null; industrial_land_ha: number | null; leased_land_ha: number | null };
    effective: { occupancy_pct: number; source: string };
  };
}

const plotsOf = async (clusterId: number, app = ctx.app) =>
  (await app.inject({ method: 'GET', url: `/api/plots?cluster_id=${clusterId}` })).json() as PlotsFC;

/** Occupancy computed straight from the tables, without the views or the API. */
async function independentOccupancyPct(clusterId: number): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ pct: number }>(
    `SELECT 100 * sum(ST_Area(ST_Transform(p.geom, 9215))) FILTER (WHERE EXISTS (
              SELECT 1 FROM project_plots l JOIN projects pr ON pr.id = l.project_id
              WHERE l.plot_id = p.id AND l.released_on IS NULL AND pr.status <> 'terminated'))
            / sum(ST_Area(ST_Transform(p.geom, 9215))) AS pct
     FROM plots p WHERE p.cluster_id = $1 AND p.land_use = 'industrial'`,
    [clusterId],
  );
  return rows[0]!.pct;
}

describe('the demo detailed plan of Hồ Sơn 1 (synthetic)', () => {
  it('has plots inside the cluster boundary that do not overlap, and Hồ Sơn 1 is operating', async () => {
    const { rows } = await ctx.db.pool.query<{ n: number; industrial: number; outside_m2: number; overlap_m2: number; status: string }>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE p.land_use = 'industrial'))::int AS industrial,
              max(ST_Area(ST_Transform(ST_Difference(p.geom, b.geom, 1e-9), 9215))) AS outside_m2,
              (SELECT coalesce(max(ST_Area(ST_Transform(ST_Intersection(a.geom, o.geom, 1e-9), 9215))), 0)
                 FROM plots a JOIN plots o ON a.cluster_id = o.cluster_id AND a.id < o.id AND ST_Intersects(a.geom, o.geom)
                 WHERE a.cluster_id = $1) AS overlap_m2,
              (SELECT status FROM clusters WHERE id = $1) AS status
       FROM plots p JOIN cluster_boundaries b ON b.cluster_id = p.cluster_id AND b.is_current WHERE p.cluster_id = $1`,
      [hoSon],
    );
    const r = rows[0]!;
    expect(r.n).toBeGreaterThan(40);
    expect(r.industrial).toBeGreaterThanOrEqual(30);
    expect(r.outside_m2).toBeLessThan(0.01);
    expect(r.overlap_m2).toBeLessThan(0.01);
    expect(r.status).toBe('operating');
  });

  it('has about 15 tenant projects, FDI and domestic, in every status, labelled synthetic', async () => {
    const { rows } = await ctx.db.pool.query<{ capital_origin: string; status: string; is_synthetic: boolean }>(
      'SELECT capital_origin, status, is_synthetic FROM projects WHERE cluster_id = $1',
      [hoSon],
    );
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(rows.length).toBeLessThanOrEqual(17);
    expect(new Set(rows.map((r) => r.capital_origin))).toEqual(new Set(['fdi', 'domestic']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['approved', 'under_construction', 'operating', 'suspended', 'terminated']));
    expect(rows.every((r) => r.is_synthetic)).toBe(true);
  });
});

describe('computed occupancy', () => {
  it('equals an independent SQL sum over the plots to 0.01 percentage points, beside the typed figure', async () => {
    const fc = await plotsOf(hoSon);
    const sql = await independentOccupancyPct(hoSon);
    expect(Math.abs(fc.occupancy.computed.occupancy_pct - sql)).toBeLessThanOrEqual(0.01);
    // The pure function over the plots the map shows gives the same figure.
    const pure = computeOccupancy(
      fc.features.map((f) => ({ landUse: f.properties.land_use as 'industrial', areaHa: f.properties.area_ha, projectStatus: f.properties.project_status as null })),
    );
    expect(Math.abs(pure.occupancyPct! - sql)).toBeLessThanOrEqual(0.01);
    // Occupancy is ÷ industrial land, never ÷ the gross cluster area (73,76 ha).
    expect(fc.occupancy.computed.industrial_area_ha).toBeLessThan(60);
    expect(fc.occupancy.computed.occupied_area_ha / 73.76 * 100).toBeLessThan(fc.occupancy.computed.occupancy_pct - 5);
    // The typed registry figures stay visible beside it, and the computed one is the one to use.
    expect(fc.occupancy.typed.industrial_land_ha).toBe(48.5);
    expect(fc.occupancy.typed.occupancy_pct).toBeCloseTo((26.9 / 48.5) * 100, 3);
    expect(fc.occupancy.effective).toEqual({ occupancy_pct: fc.occupancy.computed.occupancy_pct, source: 'computed' });
  });

  it('a cluster without plots has no computed occupancy and falls back to the typed one', async () => {
    const all = (await ctx.app.inject({ method: 'GET', url: '/api/occupancy' })).json() as { cluster_name: string; computed: unknown; effective: { source: string } }[];
    expect(all).toHaveLength(7);
    const dl = all.find((o) => o.cluster_name === 'Cụm công nghiệp Đình Lập')!;
    expect(dl.computed).toBeNull();
    expect(dl.effective.source).not.toBe('computed');
    expect(all.find((o) => o.cluster_name === 'Cụm công nghiệp Hồ Sơn 1')!.effective.source).toBe('computed');
  });

  it('the typed occupancy counts leased and investment-approved land (registry figures)', async () => {
    const { rows } = await ctx.db.pool.query<{ id: number; industrial_land_ha: number | null; leased_land_ha: number | null; investment_approved_land_ha: number | null }>(
      "SELECT id, industrial_land_ha, leased_land_ha, investment_approved_land_ha FROM clusters WHERE name = 'Cụm công nghiệp Đình Lập'",
    );
    const dl = rows[0]!;
    const set = (i: number | null, l: number | null, a: number | null) =>
      ctx.db.pool.query('UPDATE clusters SET industrial_land_ha = $2, leased_land_ha = $3, investment_approved_land_ha = $4 WHERE id = $1', [dl.id, i, l, a]);
    await set(50, 10, 5);
    try {
      const o = (await ctx.app.inject({ method: 'GET', url: `/api/occupancy/${dl.id}` })).json();
      expect(o.typed).toMatchObject({ industrial_land_ha: 50, leased_land_ha: 10, investment_approved_land_ha: 5, occupancy_pct: 30 });
      expect(o.effective).toEqual({ occupancy_pct: 30, source: 'typed' });
    } finally {
      await set(dl.industrial_land_ha, dl.leased_land_ha, dl.investment_approved_land_ha);
    }
  });

  it('the vacant-land list sums to the vacant industrial area', async () => {
    const fc = await plotsOf(hoSon);
    const vacant = (await ctx.app.inject({ method: 'GET', url: `/api/plots/vacant?cluster_id=${hoSon}` })).json() as { count: number; total_area_ha: number; plots: { code: string }[] };
    const expected = fc.features.filter((f) => f.properties.map_class === 'vacant').map((f) => f.properties.code).sort();
    expect(vacant.plots.map((p) => p.code).sort()).toEqual(expected);
    expect(vacant.count).toBeGreaterThan(5);
    expect(Math.abs(vacant.total_area_ha - fc.occupancy.computed.vacant_area_ha)).toBeLessThan(0.001);
  });
});

describe('leasing a vacant plot', () => {
  it('marks the plot, raises occupancy, shrinks the vacant list, is audited and survives a restart', async () => {
    const before = await plotsOf(hoSon);
    const plot = before.features.find((f) => f.properties.map_class === 'vacant')!;
    const project = (await ctx.db.pool.query<{ id: number; version: number }>(
      "SELECT id, version FROM projects WHERE cluster_id = $1 AND status = 'approved' AND lease_contract_date IS NULL", [hoSon],
    )).rows[0]!;
    // The audit log is append-only and shared with other test files: count this lease's rows.
    const leaseAudits = async () =>
      (await ctx.db.pool.query("SELECT 1 FROM audit_log WHERE entity = 'plot' AND entity_id = $1 AND action = 'lease'", [String(plot.id)])).rowCount ?? 0;
    const auditsBefore = await leaseAudits();
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/plots/${plot.id}/lease`,
      payload: { version: plot.properties.version, project_id: project.id, leased_on: '2026-11-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { plot: PlotF; occupancy: PlotsFC['occupancy'] };
    expect(body.plot.properties.map_class).toBe('approved');
    expect(body.plot.properties.project_id).toBe(project.id);
    const gained = (100 * plot.properties.area_ha) / before.occupancy.computed.industrial_area_ha;
    expect(body.occupancy.computed.occupancy_pct - before.occupancy.computed.occupancy_pct).toBeCloseTo(gained, 2);
    expect(Math.abs(body.occupancy.computed.occupancy_pct - (await independentOccupancyPct(hoSon)))).toBeLessThanOrEqual(0.01);
    const vacant = (await ctx.app.inject({ method: 'GET', url: `/api/plots/vacant?cluster_id=${hoSon}` })).json() as { plots: { code: string }[] };
    expect(vacant.plots.map((p) => p.code)).not.toContain(plot.properties.code);
    expect(await leaseAudits()).toBe(auditsBefore + 1);

    // A fresh app on a fresh connection pool over the same database (a restart) sees the lease.
    const db2 = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
    const app2 = signInjectAsAdmin(await buildApp({ db: db2 }));
    try {
      const after = await plotsOf(hoSon, app2);
      const again = after.features.find((f) => f.id === plot.id)!;
      expect(again.properties.map_class).toBe('approved');
      expect(after.occupancy.computed.occupancy_pct).toBeCloseTo(body.occupancy.computed.occupancy_pct, 6);
      // The project's lease clock started with its first plot.
      const p = (await app2.inject({ method: 'GET', url: `/api/projects/${project.id}` })).json() as { lease_contract_date: string; version: number; plots: { code: string }[] };
      expect(p.lease_contract_date).toBe('2026-11-01');
      expect(p.plots.map((x) => x.code)).toEqual([plot.properties.code]);

      // Restore: release the plot and clear the lease date.
      const rel = await app2.inject({ method: 'POST', url: `/api/plots/${plot.id}/release`, payload: { version: again.properties.version, released_on: '2026-11-02' } });
      expect(rel.statusCode, rel.body).toBe(200);
      expect((rel.json() as { occupancy: PlotsFC['occupancy'] }).occupancy.computed.occupancy_pct).toBeCloseTo(before.occupancy.computed.occupancy_pct, 6);
      const patch = await app2.inject({ method: 'PATCH', url: `/api/projects/${project.id}`, payload: { version: p.version, lease_contract_date: null } });
      expect(patch.statusCode, patch.body).toBe(200);
    } finally {
      await app2.close();
      await db2.close();
    }
    await ctx.db.pool.query('DELETE FROM project_plots WHERE plot_id = $1 AND project_id = $2', [plot.id, project.id]);
    await ctx.db.pool.query('UPDATE plots SET version = $2 WHERE id = $1', [plot.id, plot.properties.version]);
  });

  it('refuses a stale version with 409 and the current state, a held plot, and a road', async () => {
    const fc = await plotsOf(hoSon);
    const held = fc.features.find((f) => f.properties.map_class === 'operating')!;
    const vacant = fc.features.find((f) => f.properties.map_class === 'vacant')!;
    const road = fc.features.find((f) => f.properties.land_use === 'roads')!;
    const project = (await ctx.db.pool.query<{ id: number }>("SELECT id FROM projects WHERE cluster_id = $1 AND status = 'operating' LIMIT 1", [hoSon])).rows[0]!;

    const stale = await ctx.app.inject({ method: 'POST', url: `/api/plots/${vacant.id}/lease`, payload: { version: vacant.properties.version + 5, project_id: project.id } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.details.current.properties.code).toBe(vacant.properties.code);

    const taken = await ctx.app.inject({ method: 'POST', url: `/api/plots/${held.id}/lease`, payload: { version: held.properties.version, project_id: project.id } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('PLOT_HELD');

    const onRoad = await ctx.app.inject({ method: 'POST', url: `/api/plots/${road.id}/lease`, payload: { version: road.properties.version, project_id: project.id } });
    expect(onRoad.statusCode).toBe(422);
    expect(onRoad.json().error.message).toContain('GT');

    const after = await plotsOf(hoSon);
    expect(after.occupancy.computed.occupancy_pct).toBe(fc.occupancy.computed.occupancy_pct);
  });
});

describe('plot geometry validation', () => {
  const square = (lon: number, lat: number, d: number) => ({
    type: 'Polygon',
    coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]],
  });
  const count = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM plots')).rows[0]!.n;

  it('refuses a plot partly outside the cluster boundary, naming the plot and where', async () => {
    const n = await count();
    // The boundary's easternmost vertex (106.403151, 21.511126): a square around it pokes out.
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/plots',
      payload: { cluster_id: hoSon, code: 'TEST-NGOAI', land_use: 'industrial', geometry: square(106.40315, 21.51113, 0.0004) },
    });
    expect(res.statusCode).toBe(422);
    const e = res.json().error;
    expect(e.code).toBe('PLOT_OUTSIDE_CLUSTER');
    expect(e.message).toContain('TEST-NGOAI');
    expect(e.details.plot_code).toBe('TEST-NGOAI');
    expect(e.details.outside_m2).toBeGreaterThan(100);
    const [x, y] = e.details.location.point as [number, number];
    const [x0, y0, x1, y1] = e.details.location.bbox as number[];
    expect(x).toBeGreaterThanOrEqual(x0!);
    expect(x).toBeLessThanOrEqual(x1!);
    expect(y).toBeGreaterThanOrEqual(y0!);
    expect(y).toBeLessThanOrEqual(y1!);
    // PostGIS confirms the reported point lies outside the boundary.
    const { rows } = await ctx.db.pool.query<{ inside: boolean }>(
      'SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside FROM cluster_boundaries WHERE cluster_id = $1 AND is_current',
      [hoSon, x, y],
    );
    expect(rows[0]!.inside).toBe(false);
    expect(await count()).toBe(n);
  });

  it('refuses a plot overlapping another plot, naming both plots and where', async () => {
    const fc = await plotsOf(hoSon);
    const target = fc.features.find((f) => f.properties.code === 'CN-05')!;
    const [lon, lat] = target.properties.label_point.coordinates;
    const n = await count();
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/plots',
      payload: { cluster_id: hoSon, code: 'TEST-CHONG', land_use: 'industrial', geometry: square(lon, lat, 0.0001) },
    });
    expect(res.statusCode).toBe(422);
    const e = res.json().error;
    expect(e.code).toBe('PLOT_OVERLAP');
    expect(e.message).toContain('TEST-CHONG');
    expect(e.message).toContain('CN-05');
    expect(e.details).toMatchObject({ plot_code: 'TEST-CHONG', other_plot_code: 'CN-05' });
    const { rows } = await ctx.db.pool.query<{ inside: boolean }>(
      'SELECT ST_Intersects(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS inside FROM plots WHERE id = $1',
      [target.id, ...(e.details.location.point as [number, number])],
    );
    expect(rows[0]!.inside).toBe(true);
    expect(await count()).toBe(n);
  });

  it('refuses self-intersecting, open and out-of-range rings with a 4xx and the location', async () => {
    const bowtie = { type: 'Polygon', coordinates: [[[106.397, 21.51], [106.398, 21.511], [106.398, 21.51], [106.397, 21.511], [106.397, 21.51]]] };
    const open = { type: 'Polygon', coordinates: [[[106.397, 21.51], [106.398, 21.51], [106.398, 21.511], [106.397, 21.511]]] };
    const swapped = { type: 'Polygon', coordinates: [[[21.51, 106.397], [21.51, 106.398], [21.511, 106.398], [21.51, 106.397]]] };
    for (const [geometry, reason] of [[bowtie, 'Self-intersection'], [open, 'not closed'], [swapped, 'out of range']] as const) {
      const res = await ctx.app.inject({ method: 'POST', url: '/api/plots', payload: { cluster_id: hoSon, code: 'TEST-LOI', land_use: 'green', geometry } });
      expect(res.statusCode, reason).toBe(422);
      const e = res.json().error;
      expect(e.code).toBe('INVALID_GEOMETRY');
      expect(e.message).toContain('TEST-LOI');
      expect(e.details.reason).toContain(reason);
      expect(e.details.location.point).toHaveLength(2);
    }
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/plots', payload: { cluster_id: hoSon, code: 'X', land_use: 'casino', geometry: bowtie } });
    expect(bad.statusCode).toBe(400);
  });

  it('adds, edits (refusing a stale version) and removes a valid plot, each audited', async () => {
    // Đình Lập has no plots: a 1-ha square at its centre.
    const dl = (await ctx.db.pool.query<{ id: number; lon: number; lat: number }>(
      `SELECT c.id, ST_X(ST_PointOnSurface(b.geom)) AS lon, ST_Y(ST_PointOnSurface(b.geom)) AS lat
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = 'Cụm công nghiệp Đình Lập'`,
    )).rows[0]!;
    const created = await ctx.app.inject({
      method: 'POST', url: '/api/plots',
      payload: { cluster_id: dl.id, code: 'CN-T1', land_use: 'industrial', geometry: square(dl.lon, dl.lat, 0.0005) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const f = created.json() as PlotF;
    expect(f.properties.map_class).toBe('vacant');
    expect(f.properties.area_ha).toBeGreaterThan(1);
    try {
      const dup = await ctx.app.inject({ method: 'POST', url: '/api/plots', payload: { cluster_id: dl.id, code: 'CN-T1', land_use: 'green', geometry: square(dl.lon + 0.002, dl.lat, 0.0002) } });
      expect(dup.statusCode).toBe(409);
      const edited = await ctx.app.inject({ method: 'PATCH', url: `/api/plots/${f.id}`, payload: { version: 1, land_use: 'green', geometry: square(dl.lon, dl.lat, 0.0003) } });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().properties.version).toBe(2);
      expect(edited.json().properties.area_ha).toBeLessThan(f.properties.area_ha);
      const stale = await ctx.app.inject({ method: 'PATCH', url: `/api/plots/${f.id}`, payload: { version: 1, note: 'x' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.details.current.properties.version).toBe(2);
      const staleDelete = await ctx.app.inject({ method: 'DELETE', url: `/api/plots/${f.id}?version=1` });
      expect(staleDelete.statusCode).toBe(409);
    } finally {
      const del = await ctx.app.inject({ method: 'DELETE', url: `/api/plots/${f.id}?version=2` });
      expect(del.statusCode).toBe(204);
    }
    const audit = await ctx.db.pool.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'plot' AND entity_id = $1 ORDER BY id", [String(f.id)]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/occupancy/${dl.id}` })).json().computed).toBeNull();
  });
});
