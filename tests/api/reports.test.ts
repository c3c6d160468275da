import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableModel } from '../../src/core/reports/model';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

type Value = string | number | null;
const get = async (url: string) => ctx.app.inject({ method: 'GET', url });

/** Every row of the first sheet as plain values (index 0 = column A). */
async function readXlsx(buf: Buffer): Promise<Value[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: Value[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const vals = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === undefined ? null : (v as Value)));
    rows[n - 1] = vals;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The form's XLSX read back, its JSON model (for the column keys) and the row labelled `label`. */
async function formRow(form: string, query: string, label: string) {
  const x = await get(`/api/reports/forms/${form}?${query}&format=xlsx`);
  expect(x.statusCode, x.body).toBe(200);
  expect(x.headers['content-type']).toContain('spreadsheetml');
  const rows = await readXlsx(x.rawPayload);
  const model = (await get(`/api/reports/forms/${form}?${query}&format=json`)).json() as TableModel;
  const labelCol = model.columns.findIndex((c) => c.key === 'unit' || c.key === 'name');
  const row = rows.find((r) => r[labelCol] === label);
  expect(row, `row "${label}" in ${form}`).toBeDefined();
  const cell = (key: string) => row![model.columns.findIndex((c) => c.key === key)] ?? null;
  return { rows, model, row: row!, cell };
}

const AS_OF_2026_H1 = '2026-06-15T00:00:00+07:00';

describe('Biểu 04 of the Lạng Sơn demo', () => {
  it('today: the XLSX totals equal independent SQL over the registry and the occupancy views', async () => {
    const { cell, rows } = await formRow('b04', 'province=20&period=now', 'Toàn tỉnh Lạng Sơn');
    const { rows: sql } = await ctx.db.pool.query(
      `WITH c AS (
         SELECT c.*, o.industrial_area_ha, o.occupied_area_ha, p.projects_count AS p_n, p.fdi_projects_count AS p_fdi,
                p.operating_projects_count AS p_op,
                c.status IN ('detailed_plan_approved', 'infrastructure_construction', 'operating', 'expanded', 'adjusted') AS planned
         FROM clusters c
         LEFT JOIN cluster_occupancy_computed o ON o.cluster_id = c.id
         LEFT JOIN cluster_projects_computed p ON p.cluster_id = c.id
         WHERE c.province_code = '20' AND c.status <> 'removed_from_plan')
       SELECT (count(*) FILTER (WHERE status <> 'proposed'))::int AS in_plan_n,
              coalesce(sum(declared_area_ha) FILTER (WHERE status <> 'proposed'), 0) AS in_plan_ha,
              (count(*) FILTER (WHERE status NOT IN ('proposed', 'in_plan', 'investor_selection')))::int AS established_n,
              (count(*) FILTER (WHERE planned))::int AS plan_n,
              (count(*) FILTER (WHERE status IN ('operating', 'expanded', 'adjusted')))::int AS operating_n,
              sum(CASE WHEN planned THEN coalesce(industrial_area_ha, industrial_land_ha) END) AS industrial,
              sum(CASE WHEN planned THEN coalesce(occupied_area_ha, leased_land_ha + coalesce(investment_approved_land_ha, 0)) END) AS occupied,
              sum(coalesce(p_n, projects_count))::int AS projects, sum(coalesce(p_fdi, fdi_projects_count))::int AS fdi,
              sum(coalesce(p_op, operating_projects_count))::int AS op_projects,
              sum(workers)::int AS workers, (count(*) FILTER (WHERE wwtp_built))::int AS wwtp
       FROM c`,
    );
    const s = sql[0]!;
    expect(cell('in_plan_n')).toBe(s.in_plan_n);
    expect(cell('in_plan_ha')).toBeCloseTo(s.in_plan_ha, 2);
    expect(cell('established_n')).toBe(s.established_n);
    expect(cell('detailed_plan_n')).toBe(s.plan_n);
    expect(cell('operating_n')).toBe(s.operating_n);
    expect(cell('industrial')).toBeCloseTo(s.industrial, 2);
    expect(cell('occupied')).toBeCloseTo(s.occupied, 2);
    expect(cell('occupancy')).toBeCloseTo((100 * s.occupied) / s.industrial, 2);
    expect([cell('projects'), cell('fdi'), cell('operating_projects')]).toEqual([s.projects, s.fdi, s.op_projects]);
    expect(cell('workers')).toBe(s.workers);
    expect(cell('wwtp')).toBe(s.wwtp);
    // The sheet says which clusters are left out of the average and why.
    const text = rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(text).toMatch(/Không tính vào tỷ lệ lấp đầy bình quân \(\d+ cụm\): .*Cụm công nghiệp Đình Lập \(chưa có quy hoạch chi tiết được duyệt\)/);
    expect(text).toContain('Lấp đầy tính từ lô đất quy hoạch chi tiết và hợp đồng thuê đất: Cụm công nghiệp Hồ Sơn 1');
  });

  it('6 months to 14/06/2026: totals equal independent SQL over the record history and the dated leases', async () => {
    const { cell, rows } = await formRow('b04', 'province=20&period=2026-H1', 'Toàn tỉnh Lạng Sơn');
    const { rows: sql } = await ctx.db.pool.query(
      `WITH h AS (
         SELECT record AS r FROM cluster_history
         WHERE valid_from < $1::timestamptz AND (valid_to IS NULL OR valid_to >= $1::timestamptz) AND record->>'province_code' = '20')
       SELECT (count(*) FILTER (WHERE r->>'status' NOT IN ('proposed', 'removed_from_plan')))::int AS in_plan_n,
              sum((r->>'declared_area_ha')::numeric) FILTER (WHERE r->>'status' NOT IN ('proposed', 'removed_from_plan')) AS in_plan_ha,
              (count(*) FILTER (WHERE r->>'status' = 'investor_selection'))::int AS investor_selection
       FROM h`,
      [AS_OF_2026_H1],
    );
    // Industrial plots of Hồ Sơn 1 and those held on 14/06/2026 by a project approved by then and not terminated then.
    const { rows: occ } = await ctx.db.pool.query(
      `SELECT sum(a) AS industrial, sum(a) FILTER (WHERE held) AS occupied FROM (
         SELECT ST_Area(ST_Transform(p.geom, 9215)) / 10000 AS a,
                EXISTS (SELECT 1 FROM project_plots l JOIN projects pr ON pr.id = l.project_id
                        WHERE l.plot_id = p.id AND l.leased_on <= '2026-06-14' AND (l.released_on IS NULL OR l.released_on > '2026-06-14')
                          AND coalesce(pr.investment_cert_date, pr.lease_contract_date) <= '2026-06-14') AS held
         FROM plots p JOIN clusters c ON c.id = p.cluster_id
         WHERE c.name = 'Cụm công nghiệp Hồ Sơn 1' AND p.land_use = 'industrial') x`,
    );
    expect(cell('in_plan_n')).toBe(sql[0]!.in_plan_n);
    expect(cell('in_plan_ha')).toBeCloseTo(Number(sql[0]!.in_plan_ha), 2);
    expect(cell('industrial')).toBeCloseTo(occ[0]!.industrial, 2);
    expect(cell('occupied')).toBeCloseTo(occ[0]!.occupied, 2);
    expect(cell('occupancy')).toBeCloseTo((100 * occ[0]!.occupied) / occ[0]!.industrial, 2);
    const text = rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(text).toContain('Kỳ báo cáo: 6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)');
    expect(text).toContain('Hạn gửi báo cáo: 30/06/2026');
  });

  it('re-generating a past period after later edits gives the same cell values (and today’s report sees the edits)', async () => {
    const snapshot = async (form: string, period: string) => readXlsx((await get(`/api/reports/forms/${form}?province=20&period=${period}&format=xlsx`)).rawPayload);
    const before04 = await snapshot('b04', '2025');
    const before02 = await snapshot('b02', '2025');
    const beforeNow = (await get('/api/reports/dashboard?province=20&period=now')).json();
    const pool = ctx.db.pool;
    const hs = (await pool.query("SELECT id, leased_land_ha, workers, wwtp_compliant FROM clusters WHERE name = 'Cụm công nghiệp Hồ Sơn 1'")).rows[0]!;
    const vl = (await pool.query("SELECT id, status FROM clusters WHERE name = 'Cụm công nghiệp Văn Lãng 2'")).rows[0]!;
    const vacant = (await pool.query(
      `SELECT p.id FROM plots p WHERE p.cluster_id = $1 AND p.land_use = 'industrial'
         AND NOT EXISTS (SELECT 1 FROM project_plots l WHERE l.plot_id = p.id AND l.released_on IS NULL) ORDER BY p.code LIMIT 1`,
      [hs.id],
    )).rows[0]!;
    let projectId: number | undefined;
    try {
      await pool.query('UPDATE clusters SET leased_land_ha = 30, workers = 5000, wwtp_compliant = false WHERE id = $1', [hs.id]);
      await pool.query("UPDATE clusters SET status = 'established', declared_area_ha = 41 WHERE id = $1", [vl.id]);
      projectId = (await pool.query(
        `INSERT INTO projects (cluster_id, name, investor_name, capital_origin, investment_cert_date, registered_capital_bn_vnd, status)
         VALUES ($1, 'Dự án thử (test)', 'Công ty thử', 'fdi', CURRENT_DATE, 99, 'approved') RETURNING id`,
        [hs.id],
      )).rows[0]!.id;
      await pool.query('INSERT INTO project_plots (project_id, plot_id, leased_on) VALUES ($1, $2, CURRENT_DATE)', [projectId, vacant.id]);

      expect(await snapshot('b04', '2025')).toEqual(before04);
      expect(await snapshot('b02', '2025')).toEqual(before02);
      const afterNow = (await get('/api/reports/dashboard?province=20&period=now')).json();
      expect(afterNow.total.occupancy.occupiedHa).toBeGreaterThan(beforeNow.total.occupancy.occupiedHa);
      expect(afterNow.total.projects).toBe(beforeNow.total.projects + 1);
      expect(afterNow.total.established.count).toBe(beforeNow.total.established.count + 1);
    } finally {
      if (projectId) await pool.query('DELETE FROM projects WHERE id = $1', [projectId]);
      await pool.query('UPDATE clusters SET leased_land_ha = $2, workers = $3, wwtp_compliant = $4 WHERE id = $1', [hs.id, hs.leased_land_ha, hs.workers, hs.wwtp_compliant]);
      await pool.query('UPDATE clusters SET status = $2, declared_area_ha = 39.5 WHERE id = $1', [vl.id, vl.status]);
    }
    const restored = (await get('/api/reports/dashboard?province=20&period=now')).json();
    expect(restored.total.occupancy.occupiedHa).toBeCloseTo(beforeNow.total.occupancy.occupiedHa, 6);
  });
});

describe('the record history', () => {
  it('two periods differ: Biểu 02 of Hồ Sơn 1 for 2025 and for the first half of 2026', async () => {
    const y = await formRow('b02', 'province=20&period=2025', 'Cụm công nghiệp Hồ Sơn 1');
    const h = await formRow('b02', 'province=20&period=2026-H1', 'Cụm công nghiệp Hồ Sơn 1');
    expect([y.cell('wwtp_ok'), h.cell('wwtp_ok')]).toEqual([0, 1]);
    expect(y.cell('workers')).not.toBe(h.cell('workers'));
    expect(h.cell('occupancy_source')).toBe('Tính từ lô đất');
    const dl = await formRow('b02', 'province=20&period=2025', 'Cụm công nghiệp Đình Lập');
    expect(dl.cell('status')).toBe('Trong phương án phát triển');
    expect((await formRow('b02', 'province=20&period=2026-H1', 'Cụm công nghiệp Đình Lập')).cell('status')).toBe('Lựa chọn chủ đầu tư');
  });

  it('a backdated change (ccn.effective_at) lands in the past; one before the latest version is refused', async () => {
    const c = await ctx.db.pool.connect();
    try {
      await c.query('BEGIN');
      const { id, status } = (await c.query("SELECT id, status FROM clusters WHERE name = 'Cụm công nghiệp Minh Sơn'")).rows[0]!;
      const latest = (await c.query('SELECT valid_from FROM cluster_history WHERE cluster_id = $1 AND valid_to IS NULL', [id])).rows[0]!.valid_from as Date;
      const at = new Date(latest.getTime() + 1000).toISOString();
      await c.query("SELECT set_config('ccn.effective_at', $1, true)", [at]);
      await c.query("UPDATE clusters SET status = 'investor_selection' WHERE id = $1", [id]);
      const h = (await c.query('SELECT valid_from, valid_to, record->>$2 AS status FROM cluster_history WHERE cluster_id = $1 ORDER BY valid_from', [id, 'status'])).rows;
      const [before, after] = h.slice(-2);
      expect([before!.status, after!.status]).toEqual([status, 'investor_selection']);
      expect((before!.valid_to as Date).toISOString()).toBe(at);
      expect((after!.valid_from as Date).toISOString()).toBe(at);
      expect(after!.valid_to).toBeNull();
      await c.query("SELECT set_config('ccn.effective_at', '2020-01-01 00:00+07', true)");
      // A simple-protocol query: PGlite's socket mishandles an error raised inside an extended-protocol statement.
      await expect(c.query(`UPDATE clusters SET status = 'in_plan' WHERE id = ${Number(id)}`)).rejects.toThrow(/before the latest history entry/);
    } finally {
      await c.query('ROLLBACK');
      c.release();
    }
  });
});

describe('Biểu 02 and 03, grouping', () => {
  it('Biểu 03 by legacy district (units at decision time) and by current commune', async () => {
    const d = await formRow('b03', 'province=20&period=2026-H1&group=district', 'Huyện Hữu Lũng');
    expect(d.cell('in_plan_n')).toBe(3); // Hòa Sơn 1, Hồ Sơn 1, Minh Sơn
    expect(d.cell('in_plan_ha')).toBeCloseTo(74.9 + 73.76 + 55, 2);
    const c = await formRow('b03', 'province=20&period=2026-H1&group=commune', 'Xã Hồ Sơn');
    expect(c.cell('in_plan_n')).toBe(1);
    const text = c.rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(text).toContain('Cụm nằm trên nhiều xã được tính vào xã đầu tiên: Cụm công nghiệp Hồ Sơn 1 (Xã Hồ Sơn, Xã Cai Kinh)');
  });

  it('Biểu 02 of one cluster, printable HTML and PDF with Vietnamese text', async () => {
    const id = (await ctx.db.pool.query("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Hồ Sơn 1'")).rows[0]!.id;
    const one = (await get(`/api/reports/forms/b02?province=20&period=2026-H1&cluster=${id}&format=json`)).json() as TableModel;
    expect(one.rows).toHaveLength(1);
    const html = await get('/api/reports/forms/b04?province=20&period=2026-H1&format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<td>Toàn tỉnh Lạng Sơn</td>');
    expect(html.body).toContain('384,55');
    const pdf = await get('/api/reports/forms/b04?province=20&period=2026-H1&format=pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('comparison provinces (summary only)', () => {
  it('Bắc Giang: the published totals', async () => {
    const { cell } = await formRow('b04', 'province=bac-giang', 'Toàn tỉnh Bắc Giang');
    expect([cell('in_plan_n'), cell('in_plan_ha'), cell('operating_n'), cell('enterprise_n')]).toEqual([55, 2329, 35, 41]);
    expect([cell('projects'), cell('operating_projects'), cell('workers'), cell('occupancy')]).toEqual([271, 226, 45000, 40.6]);
    const d = (await get('/api/reports/dashboard?province=bac-giang')).json();
    expect(d.total.stateInvestor.count).toBe(14);
  });

  it('Tuyên Quang: the published totals, occupancy recomputed 55,46 % with the difference to the published 51,6 % stated', async () => {
    const { cell, rows } = await formRow('b04', 'province=tuyen-quang', 'Toàn tỉnh Tuyên Quang');
    expect([cell('in_plan_n'), cell('in_plan_ha'), cell('industrial'), cell('occupied'), cell('projects'), cell('capital')]).toEqual([5, 300, 196, 108.7, 21, 2300]);
    expect(cell('occupancy')).toBe(55.46);
    const text = rows.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(text).toContain('Tỷ lệ lấp đầy công bố 51,6 % khác với số tính từ số liệu công bố (108,70 ha ÷ 196,00 ha = 55,46 %), chênh lệch 3,86 điểm phần trăm');
    expect(text).toContain('trên 2.300 tỷ đồng vốn đăng ký');
    const csv = await get('/api/reports/tables/published?province=tuyen-quang&format=csv');
    expect(csv.body).toContain('51,6 %');
    expect(csv.body).toContain('55,46');
  });

  it('per-cluster forms are refused for a summary-only province', async () => {
    const r = await get('/api/reports/forms/b02?province=tuyen-quang');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('SUMMARY_ONLY');
  });
});

describe('exports and input checks', () => {
  it('every dashboard table exports as CSV and XLSX', async () => {
    for (const table of ['status', 'clusters', 'units', 'clearance']) {
      const csv = await get(`/api/reports/tables/${table}?province=20&period=2026-H1&format=csv`);
      expect(csv.statusCode, `${table}: ${csv.body}`).toBe(200);
      expect(csv.body.charCodeAt(0)).toBe(0xfeff);
      const model = (await get(`/api/reports/tables/${table}?province=20&period=2026-H1&format=json`)).json() as TableModel;
      expect(csv.body.trim().split('\r\n')).toHaveLength(1 + model.rows.length + (model.total ? 1 : 0));
      const x = await get(`/api/reports/tables/${table}?province=20&period=2026-H1&format=xlsx`);
      const rows = await readXlsx(x.rawPayload);
      expect(rows.flat()).toContain(model.rows[0]?.cells[0] ?? model.title);
    }
    const status = (await get('/api/reports/tables/status?province=20&period=now&format=json')).json() as TableModel;
    expect(status.total?.slice(0, 3)).toEqual(['Tổng cộng', 7, 384.55]);
  });

  it('refuses bad input with a clear 4xx', async () => {
    const cases: [string, number][] = [
      ['/api/reports/forms/b04?province=20&period=2026-H2', 400],
      ['/api/reports/forms/b05?province=20', 400],
      ['/api/reports/forms/b04?province=20&format=docx', 400],
      ['/api/reports/forms/b04?province=99', 404],
      ['/api/reports/forms/b04?province=20&period=2099', 422],
      ['/api/reports/dashboard?province=20&group=village', 400],
      ['/api/reports/dashboard?province=20&x=1', 400],
      ["/api/reports/dashboard?province=20'--", 400],
      ['/api/reports/forms/b02?province=20&cluster=999999', 404],
    ];
    for (const [url, status] of cases) {
      const r = await get(url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(status);
      expect(r.json().error.message).toBeTruthy();
    }
  });
});
