/**
 * Issue 10: every consumer of occupancy — the registry (list and panel record), the dashboard,
 * the occupancy rules of Decree 32/2024 and Biểu 02/03/04 — shows the figure computed from the
 * plots of Hồ Sơn 1, checked against an independent SQL sum over the plots to 0.01 points, and
 * all of them move together when a vacant plot is leased.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableModel } from '../../src/core/reports/model';
import { todayInVietnam } from '../../src/core/reports/periods';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let hoSon: number;
let hoaSon: number;
beforeAll(async () => {
  ctx = await startTestApp();
  const ids = (await ctx.db.pool.query<{ id: number; name: string }>("SELECT id, name FROM clusters WHERE name IN ('Cụm công nghiệp Hồ Sơn 1', 'Cụm công nghiệp Hòa Sơn 1')")).rows;
  hoSon = ids.find((r) => r.name === 'Cụm công nghiệp Hồ Sơn 1')!.id;
  hoaSon = ids.find((r) => r.name === 'Cụm công nghiệp Hòa Sơn 1')!.id;
});
afterAll(() => stopTestApp(ctx));

const HO_SON = 'Cụm công nghiệp Hồ Sơn 1';
const get = async (url: string) => ctx.app.inject({ method: 'GET', url });

interface Independent { industrialHa: number; occupiedHa: number; pct: number }

/** Occupancy of Hồ Sơn 1 straight from the tables (no view, no API): TM-3 plane areas of its industrial plots. */
async function independent(): Promise<Independent> {
  const { rows } = await ctx.db.pool.query<{ industrial: number; occupied: number }>(
    `SELECT sum(ST_Area(ST_Transform(p.geom, 9215))) / 10000 AS industrial,
            coalesce(sum(ST_Area(ST_Transform(p.geom, 9215))) FILTER (WHERE EXISTS (
              SELECT 1 FROM project_plots l JOIN projects pr ON pr.id = l.project_id
              WHERE l.plot_id = p.id AND l.released_on IS NULL AND pr.status <> 'terminated')), 0) / 10000 AS occupied
     FROM plots p WHERE p.cluster_id = $1 AND p.land_use = 'industrial'`,
    [hoSon],
  );
  const r = rows[0]!;
  return { industrialHa: Number(r.industrial), occupiedHa: Number(r.occupied), pct: (100 * Number(r.occupied)) / Number(r.industrial) };
}

/** The typed registry figure (leased + approved ÷ industrial) of Hồ Sơn 1. */
async function typedPct(): Promise<number> {
  const { rows } = await ctx.db.pool.query<{ pct: number }>(
    'SELECT 100 * (leased_land_ha + coalesce(investment_approved_land_ha, 0)) / industrial_land_ha AS pct FROM clusters WHERE id = $1',
    [hoSon],
  );
  return Number(rows[0]!.pct);
}

type Value = string | number | null;
/** A form's XLSX (what a user downloads), the row labelled `label`, its cells by column key. */
async function formRow(form: string, query: string, label: string) {
  const x = await get(`/api/reports/forms/${form}?${query}&format=xlsx`);
  expect(x.statusCode, x.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const rows: Value[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === undefined ? null : (v as Value)));
  });
  const model = (await get(`/api/reports/forms/${form}?${query}&format=json`)).json() as TableModel;
  const labelCol = model.columns.findIndex((c) => c.key === 'unit' || c.key === 'name');
  const row = rows.find((r) => r?.[labelCol] === label);
  expect(row, `row "${label}" in ${form}: ${rows.map((r) => r?.[labelCol]).join(' | ')}`).toBeDefined();
  return (key: string) => row![model.columns.findIndex((c) => c.key === key)] ?? null;
}

interface RuleResult { ruleId: string; status: string; numbers: Record<string, number | string | null> }
async function rules(body: object): Promise<RuleResult[]> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: body });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return (res.json() as { rules: RuleResult[] }).rules;
}

/** What every consumer says Hồ Sơn 1's occupancy is (each as a user would read it). */
async function consumers() {
  const list = (await get('/api/clusters')).json() as { features: { id: number; properties: Record<string, unknown> }[] };
  const listed = list.features.find((f) => f.id === hoSon)!.properties;
  const detail = ((await get(`/api/clusters/${hoSon}`)).json() as { properties: Record<string, unknown> }).properties;
  const dash = (await get('/api/reports/dashboard?province=20&period=now')).json() as {
    clusters: { id: number; occupancyPct: number; occupancySource: string; industrialHa: number; occupiedHa: number; typedOccupancyPct: number }[];
  };
  const dashRow = dash.clusters.find((c) => c.id === hoSon)!;
  const b02 = await formRow('b02', 'province=20&period=now', HO_SON);
  // Hồ Sơn 1 is the only cluster of the province with an approved detailed plan: the averages of
  // its commune (Biểu 03) and of the province (Biểu 04) are its own occupancy.
  const b03 = await formRow('b03', 'province=20&period=now&group=commune', 'Xã Hồ Sơn');
  const b04 = await formRow('b04', 'province=20&period=now', 'Toàn tỉnh Lạng Sơn');
  const expansion = (await rules({ clusterId: hoSon, options: { kind: 'expansion' } })).find((r) => r.ruleId === 'expansion')!;
  // A new cluster in the same (former) district: Hồ Sơn 1 is the one established cluster it is compared with.
  const newInDistrict = (await rules({ clusterId: hoaSon, options: { kind: 'new' } })).find((r) => r.ruleId === 'occupancy_new')!;
  return { listed, detail, dashRow, b02, b03, b04, expansion, newInDistrict };
}

function expectAllEqual(c: Awaited<ReturnType<typeof consumers>>, sql: Independent, typed: number) {
  const near = (v: unknown, want: number, what: string) => expect(Math.abs(Number(v) - want), `${what}: ${String(v)} vs SQL ${want}`).toBeLessThanOrEqual(0.01);
  // Registry: the figure to use is the computed one, the typed one is kept beside it.
  for (const [what, p] of [['list', c.listed], ['detail', c.detail]] as const) {
    near(p.occupancy_pct, sql.pct, `registry ${what}`);
    near(p.occupancy_computed_pct, sql.pct, `registry ${what} computed`);
    expect(p.occupancy_source).toBe('computed');
    near(p.occupancy_typed_pct, typed, `registry ${what} typed`);
  }
  // Dashboard (today).
  near(c.dashRow.occupancyPct, sql.pct, 'dashboard row');
  expect(c.dashRow.occupancySource).toBe('computed');
  near(c.dashRow.industrialHa, sql.industrialHa, 'dashboard industrial ha');
  near(c.dashRow.occupiedHa, sql.occupiedHa, 'dashboard occupied ha');
  near(c.dashRow.typedOccupancyPct, typed, 'dashboard typed');
  // Biểu 02 (the cluster's row), 03 (its commune), 04 (the province).
  near(c.b02('occupancy'), sql.pct, 'Biểu 02');
  expect(c.b02('occupancy_source')).toBe('Tính từ lô đất');
  near(c.b02('industrial'), sql.industrialHa, 'Biểu 02 industrial ha');
  near(c.b02('occupied'), sql.occupiedHa, 'Biểu 02 occupied ha');
  near(c.b03('occupancy'), sql.pct, 'Biểu 03');
  near(c.b04('occupancy'), sql.pct, 'Biểu 04');
  near(c.b04('industrial'), sql.industrialHa, 'Biểu 04 industrial ha');
  expect(c.b04('occupancy_n')).toBe(1);
  // The rules of Decree 32/2024: expansion (Art. 8.2) and a new cluster's occupancy test (Art. 8.1c).
  near(c.expansion.numbers.occupancy_pct, sql.pct, 'expansion rule');
  expect(c.newInDistrict.numbers.clusters_counted).toBe(1);
  near(c.newInDistrict.numbers.average_pct, sql.pct, 'new-cluster rule average');
  near(c.newInDistrict.numbers.industrial_land_ha, sql.industrialHa, 'new-cluster rule industrial ha');
  expect(c.newInDistrict.status).toBe(sql.pct > 50 || sql.industrialHa - sql.occupiedHa <= 100 ? 'pass' : 'fail');
}

describe('occupancy of Hồ Sơn 1 computed from its plots, in every consumer', () => {
  it('registry, dashboard, Biểu 02/03/04 and the occupancy rules all show the independent SQL figure (±0.01 points)', async () => {
    const sql = await independent();
    const typed = await typedPct();
    console.log(`[occupancy] Hồ Sơn 1: independent SQL ${sql.pct.toFixed(4)} % (${sql.occupiedHa.toFixed(4)} / ${sql.industrialHa.toFixed(4)} ha), typed ${typed.toFixed(4)} %`);
    expect(Math.abs(sql.pct - typed)).toBeGreaterThan(0.5); // the two differ, so the check tells which is used
    const c = await consumers();
    console.log(`[occupancy] registry ${String(c.listed.occupancy_pct)}, dashboard ${c.dashRow.occupancyPct}, Biểu 02 ${String(c.b02('occupancy'))}, 03 ${String(c.b03('occupancy'))}, 04 ${String(c.b04('occupancy'))}, expansion rule ${String(c.expansion.numbers.occupancy_pct)}, new-cluster rule ${String(c.newInDistrict.numbers.average_pct)}`);
    expectAllEqual(c, sql, typed);
  });

  it('a cluster without plots keeps its typed figure in the registry', async () => {
    const list = (await get('/api/clusters')).json() as { features: { properties: { name: string; occupancy_source: string; occupancy_computed_pct: number | null; occupancy_pct: number | null; occupancy_typed_pct: number | null } }[] };
    const others = list.features.filter((f) => f.properties.name !== HO_SON);
    expect(others.length).toBe(6);
    for (const f of others) {
      expect(f.properties.occupancy_computed_pct).toBeNull();
      expect(f.properties.occupancy_source).not.toBe('computed');
      expect(f.properties.occupancy_pct).toBe(f.properties.occupancy_typed_pct);
    }
  });

  it('leasing a vacant plot moves every consumer at once; releasing it moves them back', async () => {
    const before = await independent();
    const typed = await typedPct();
    // The last vacant plot by code: plots.test.ts leases the first one and counts its audit rows
    // (the audit log is append-only, so this lease stays recorded there).
    const plot = (await ctx.db.pool.query<{ id: number; version: number }>(
      `SELECT p.id, p.version FROM plots p WHERE p.cluster_id = $1 AND p.land_use = 'industrial'
         AND NOT EXISTS (SELECT 1 FROM project_plots l WHERE l.plot_id = p.id AND l.released_on IS NULL) ORDER BY p.code DESC LIMIT 1`,
      [hoSon],
    )).rows[0]!;
    const project = (await ctx.db.pool.query<{ id: number; version: number; lease_contract_date: string | null }>(
      "SELECT id, version, lease_contract_date FROM projects WHERE cluster_id = $1 AND status = 'operating' ORDER BY id LIMIT 1",
      [hoSon],
    )).rows[0]!;
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/plots/${plot.id}/lease`,
      payload: { version: plot.version, project_id: project.id, leased_on: todayInVietnam() },
    });
    expect(res.statusCode, res.body).toBe(200);
    try {
      const after = await independent();
      expect(after.pct).toBeGreaterThan(before.pct + 0.1);
      expectAllEqual(await consumers(), after, typed);
    } finally {
      const now = (await ctx.db.pool.query<{ version: number }>('SELECT version FROM plots WHERE id = $1', [plot.id])).rows[0]!;
      const rel = await ctx.app.inject({ method: 'POST', url: `/api/plots/${plot.id}/release`, payload: { version: now.version } });
      expect(rel.statusCode, rel.body).toBe(200);
      // Leave no trace for the other files: the lease row and the versions as they were.
      await ctx.db.pool.query('DELETE FROM project_plots WHERE plot_id = $1 AND project_id = $2', [plot.id, project.id]);
      await ctx.db.pool.query('UPDATE plots SET version = $2 WHERE id = $1', [plot.id, plot.version]);
    }
    const restored = await independent();
    expect(restored.pct).toBeCloseTo(before.pct, 9);
    expectAllEqual(await consumers(), restored, typed);
  });
});
