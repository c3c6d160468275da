import { describe, expect, it } from 'vitest';
import { summaryTotals, type ProvinceSummary } from './comparison';
import type { RecordAsOf } from './figures';
import { buildForm, form02, form03, form04 } from './forms';
import { formatCell } from './model';
import { reportPeriod } from './periods';
import { buildRegistryReport, buildSummaryReport } from './report';
import { dashboardTables } from './tables';

const rec = (x: Partial<RecordAsOf>): RecordAsOf => ({
  name: 'X', status: 'in_plan', investor_name: null, investor_type: null, declared_area_ha: null, industrial_land_ha: null,
  ready_land_ha: null, leased_land_ha: null, projects_count: null, fdi_projects_count: null, operating_projects_count: null,
  registered_capital_bn_vnd: null, workers: null, wwtp_built: false, wwtp_compliant: false, province_code: '20',
  district_code_at_decision: '186', commune_codes_at_decision: [], commune_codes_current: ['06451'], ...x,
});
const period = reportPeriod('half', 2026);
const report = buildRegistryReport({
  province: { key: '20', name: 'Lạng Sơn' },
  period,
  asOf: period.end,
  grouping: 'district',
  snapshots: [
    { id: 1, record: rec({ name: 'Cụm công nghiệp A', status: 'operating', declared_area_ha: 50, industrial_land_ha: 40, leased_land_ha: 20,
      investor_type: 'enterprise', investor_name: 'Cty A', wwtp_built: true }), plots: null, projects: null, reports: null, established_on: '2026-01-05' },
    { id: 2, record: rec({ name: 'Cụm công nghiệp B', declared_area_ha: 30, district_code_at_decision: '187', commune_codes_current: ['06463', '06464'] }),
      plots: null, projects: null, reports: null, established_on: null },
  ],
  unitNames: { '186': 'Huyện Hữu Lũng', '187': 'Huyện Chi Lăng', '06451': 'Xã Hồ Sơn', '06463': 'Thị trấn Đồng Mỏ', '06464': 'Xã Khác' },
  clearance: undefined,
});

describe('Biểu 04', () => {
  const f = form04(report);
  const col = (k: string) => f.columns.findIndex((c) => c.key === k);
  it('has the period, the due date 30/06 and the as-of day in its header', () => {
    expect(f.code).toBe('Biểu 04');
    expect(f.headerLines).toContain('Kỳ báo cáo: 6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)');
    expect(f.headerLines).toContain('Hạn gửi báo cáo: 30/06/2026');
    expect(f.headerLines.at(-1)).toBe('Số liệu tính đến hết ngày 14/06/2026, lấy từ lịch sử hồ sơ cụm công nghiệp');
  });
  it('rows by legacy district, the province total, occupancy 20 ÷ 40 = 50 %', () => {
    expect(f.rows.map((r) => r.cells[col('unit')])).toEqual(['Huyện Chi Lăng', 'Huyện Hữu Lũng']);
    const t = f.total!;
    expect([t[col('unit')], t[col('in_plan_n')], t[col('in_plan_ha')], t[col('established_period_n')], t[col('occupancy')]]).toEqual([
      'Toàn tỉnh Lạng Sơn', 2, 80, 1, 50,
    ]);
    expect(formatCell(t[col('in_plan_ha')]!, 'ha')).toBe('80,00');
  });
  it('says which cluster is left out of the average and why', () => {
    expect(f.notes).toContain('Không tính vào tỷ lệ lấp đầy bình quân (1 cụm): Cụm công nghiệp B (chưa có quy hoạch chi tiết được duyệt).');
    expect(f.notes).toContain('Lấp đầy theo số liệu nhập trong hồ sơ cụm: Cụm công nghiệp A.');
  });
});

describe('Biểu 02 and 03', () => {
  it('Biểu 02: one row per cluster, due 20/06, the source of the occupancy, plants as 1/0', () => {
    const f = form02(report);
    const col = (k: string) => f.columns.findIndex((c) => c.key === k);
    expect(f.headerLines).toContain('Hạn gửi báo cáo: 20/06/2026');
    expect(f.rows.map((r) => [r.cells[col('name')], r.cells[col('occupancy_source')], r.cells[col('wwtp')]])).toEqual([
      ['Cụm công nghiệp A', 'Số liệu nhập', 1],
      ['Cụm công nghiệp B', 'Chưa có QHCT', 0],
    ]);
    expect(form02(report, 2).rows).toHaveLength(1);
  });
  it('Biểu 03 of one unit, due 25/06', () => {
    const f = form03(report, '187');
    expect(f.rows).toHaveLength(1);
    expect(f.headerLines).toContain('Hạn gửi báo cáo: 25/06/2026');
  });
  it('per-cluster forms are refused for a summary-only province', () => {
    const s: ProvinceSummary = { key: 'x', name: 'X', gso_code: null, merged_into: null, as_of: null, as_of_label: '2024', source: 's', note: null, figures: [] };
    expect(() => buildForm('b02', buildSummaryReport(s, null, '2026-01-01'))).toThrow(RangeError);
    expect(buildForm('b04', buildSummaryReport(s, null, '2026-01-01')).total![1]).toBe('Toàn tỉnh X');
    expect(summaryTotals(s).clusters.count).toBeNull();
  });
});

describe('dashboard tables', () => {
  it('the status table totals every cluster not removed, in both languages', () => {
    expect(dashboardTables(report, 'vi').status!.total).toEqual(['Tổng cộng', 2, 80]);
    expect(dashboardTables(report, 'en').status!.rows.map((r) => r.cells[0])).toEqual(['In the development plan', 'Operating']);
  });
});
