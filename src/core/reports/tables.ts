/**
 * The dashboard's tables as table models (vi/en): the browser shows them, the server exports
 * the same models to CSV and XLSX — so the file has what the screen shows.
 */
import { CLUSTER_STATUSES } from '../clusters/status';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { EXCLUSION_LABELS, GROUPING_LABELS, OCCUPANCY_RULE, SOURCE_LABELS, STATUS_LABELS } from './labels';
import type { Cell, TableColumn, TableModel } from './model';
import { periodLabel } from './periods';
import type { ProvinceReport, RegistryReport, SummaryReport } from './report';
import { SUMMARY_METRICS, type SummaryMetric } from './comparison';

export const DASHBOARD_TABLES = ['status', 'clusters', 'units', 'clearance', 'published'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

type Words = Record<string, string>;
const W: Record<Locale, Words> = {
  vi: {
    status: 'Trạng thái', clusters: 'Số cụm', ha: 'Diện tích', cluster: 'Cụm công nghiệp', industrial: 'Đất công nghiệp',
    ready: 'Sẵn sàng cho thuê', occupied: 'Đã cho thuê / chấp thuận', occupancy: 'Tỷ lệ lấp đầy', avgOccupancy: 'Lấp đầy bình quân',
    source: 'Nguồn số liệu', projects: 'Dự án', fdi: 'FDI', operating: 'Đang hoạt động', capital: 'Vốn đăng ký', workers: 'Lao động',
    wwtp: 'Có trạm XLNT', wwtpOk: 'XLNT đạt chuẩn', clearance: 'GPMB', counted: 'Số cụm tính lấp đầy', total: 'Tổng cộng',
    parcels: 'Số thửa', handedOver: 'Đã bàn giao', progress: 'Tiến độ', metric: 'Chỉ tiêu', published: 'Số công bố', used: 'Giá trị dùng',
    note: 'Ghi chú', bn: 'tỷ đồng', people: 'người', statusTitle: 'Cụm công nghiệp theo trạng thái', clustersTitle: 'Số liệu từng cụm',
    unitsTitle: 'Tổng hợp theo đơn vị hành chính', clearanceTitle: 'Tiến độ giải phóng mặt bằng', publishedTitle: 'Số liệu công bố và kiểm tra',
    asOf: 'Số liệu tính đến hết ngày', now: 'hiện tại', noPlan: 'Chưa có QHCT', excluded: 'Không tính vào lấp đầy bình quân',
    computedDiff: 'Tính lại từ số công bố; chênh lệch', points: 'điểm %', notComputable: 'Không tính lại được (thiếu số liệu diện tích)',
  },
  en: {
    status: 'Status', clusters: 'Clusters', ha: 'Area', cluster: 'Industrial cluster', industrial: 'Industrial land',
    ready: 'Ready for lease', occupied: 'Leased / approved', occupancy: 'Occupancy', avgOccupancy: 'Average occupancy',
    source: 'Source', projects: 'Projects', fdi: 'FDI', operating: 'Operating', capital: 'Registered capital', workers: 'Workers',
    wwtp: 'Wastewater plant', wwtpOk: 'Meets standard', clearance: 'Clearance', counted: 'Clusters in the average', total: 'Total',
    parcels: 'Parcels', handedOver: 'Handed over', progress: 'Progress', metric: 'Figure', published: 'Published', used: 'Value used',
    note: 'Note', bn: 'bn VND', people: 'people', statusTitle: 'Clusters by status', clustersTitle: 'Figures by cluster',
    unitsTitle: 'Totals by administrative unit', clearanceTitle: 'Land clearance progress', publishedTitle: 'Published figures and check',
    asOf: 'Figures as of the end of', now: 'today', noPlan: 'No detailed plan', excluded: 'Left out of the average occupancy',
    computedDiff: 'Recomputed from the published amounts; difference', points: 'points', notComputable: 'Cannot be recomputed (no area figures)',
  },
};

const METRIC_LABELS: Record<SummaryMetric, Record<Locale, string>> = {
  clusters_count: { vi: 'Số cụm công nghiệp', en: 'Clusters' },
  clusters_state_invested: { vi: 'Cụm do cấp huyện làm chủ đầu tư', en: 'District-invested clusters' },
  clusters_enterprise_invested: { vi: 'Cụm do doanh nghiệp làm chủ đầu tư', en: 'Enterprise-invested clusters' },
  total_area_ha: { vi: 'Tổng diện tích (ha)', en: 'Total area (ha)' },
  operating_clusters: { vi: 'Cụm đang hoạt động', en: 'Operating clusters' },
  industrial_land_ha: { vi: 'Đất công nghiệp (ha)', en: 'Industrial land (ha)' },
  leased_land_ha: { vi: 'Đất đã cho thuê (ha)', en: 'Leased land (ha)' },
  occupancy_pct: { vi: 'Tỷ lệ lấp đầy bình quân (%)', en: 'Average occupancy (%)' },
  projects_count: { vi: 'Số dự án', en: 'Projects' },
  operating_projects_count: { vi: 'Dự án đang hoạt động', en: 'Operating projects' },
  workers: { vi: 'Lao động (người)', en: 'Workers' },
  registered_capital_bn_vnd: { vi: 'Vốn đăng ký (tỷ đồng)', en: 'Registered capital (bn VND)' },
};

function headerLines(r: ProvinceReport, l: Locale): string[] {
  const w = W[l];
  const lines = [r.period ? periodLabel(r.period, l) : `${w.asOf} ${formatDate(r.asOf)} (${w.now})`];
  if (r.period) lines.push(`${w.asOf} ${formatDate(r.asOf)}`);
  return lines;
}

const base = (r: ProvinceReport, id: DashboardTable, title: string, l: Locale) => ({
  id,
  title: `${title} — ${r.province.name}`,
  headerLines: headerLines(r, l),
  fileName: `${id}-${r.province.key}-${r.period?.id.toLowerCase() ?? r.asOf}`,
});

function statusTable(r: ProvinceReport, l: Locale): TableModel {
  const w = W[l];
  const rows = CLUSTER_STATUSES.filter((s) => r.total.byStatus[s]).map((s) => {
    const x = r.total.byStatus[s]!;
    return { cells: [STATUS_LABELS[s][l], x.count, x.ha] as Cell[] };
  });
  return {
    ...base(r, 'status', w.statusTitle!, l),
    columns: [
      { key: 'status', header: w.status!, kind: 'text' },
      { key: 'count', header: w.clusters!, kind: 'int' },
      { key: 'ha', header: w.ha!, unit: 'ha', kind: 'ha' },
    ],
    rows,
    total: [w.total!, r.total.clusters.count, r.total.clusters.ha],
    notes: r.total.byStatus.removed_from_plan ? [`${STATUS_LABELS.removed_from_plan[l]}: ${l === 'vi' ? 'không tính vào tổng' : 'not in the total'}.`] : [],
  };
}

function clustersTable(r: RegistryReport, l: Locale): TableModel {
  const w = W[l];
  const cols: TableColumn[] = [
    { key: 'name', header: w.cluster!, kind: 'text' },
    { key: 'status', header: w.status!, kind: 'text' },
    { key: 'ha', header: w.ha!, unit: 'ha', kind: 'ha' },
    { key: 'industrial', header: w.industrial!, unit: 'ha', kind: 'ha' },
    { key: 'ready', header: w.ready!, unit: 'ha', kind: 'ha' },
    { key: 'occupied', header: w.occupied!, unit: 'ha', kind: 'ha' },
    { key: 'occupancy', header: w.occupancy!, unit: '%', kind: 'pct' },
    { key: 'source', header: w.source!, kind: 'text' },
    { key: 'projects', header: w.projects!, kind: 'int' },
    { key: 'fdi', header: w.fdi!, kind: 'int' },
    { key: 'operating', header: w.operating!, kind: 'int' },
    { key: 'capital', header: w.capital!, unit: w.bn, kind: 'money' },
    { key: 'workers', header: w.workers!, unit: w.people, kind: 'int' },
    { key: 'wwtp', header: w.wwtp!, kind: 'flag' },
    { key: 'wwtp_ok', header: w.wwtpOk!, kind: 'flag' },
    { key: 'clearance', header: w.clearance!, unit: '%', kind: 'pct' },
  ];
  const rows = r.clusters
    .filter((c) => c.status !== 'removed_from_plan')
    .map((c) => ({
      id: c.id,
      cells: [
        c.name, STATUS_LABELS[c.status][l], c.declaredAreaHa, c.industrialHa, c.readyHa, c.occupiedHa, c.occupancyPct,
        c.excludedBecause === 'no_detailed_plan' ? w.noPlan! : SOURCE_LABELS[c.occupancySource][l], c.projects, c.fdiProjects,
        c.operatingProjects, c.capitalBnVnd, c.workers, c.wwtpBuilt ? 1 : 0, c.wwtpCompliant ? 1 : 0, c.clearance?.pct ?? null,
      ] as Cell[],
    }));
  const t = r.total;
  return {
    ...base(r, 'clusters', w.clustersTitle!, l),
    columns: cols,
    rows,
    total: [w.total!, null, t.clusters.ha, t.industrialHa, t.readyHa, t.occupiedHa, t.occupancy.pct, null, t.projects, t.fdiProjects,
      t.operatingProjects, t.capitalBnVnd, t.workers, t.wwtpBuilt, t.wwtpCompliant, null],
    notes: [OCCUPANCY_RULE[l], ...excludedNote(r, l)],
  };
}

function excludedNote(r: ProvinceReport, l: Locale): string[] {
  const ex = r.total.occupancy.excluded;
  if (!ex.length) return [];
  return [`${W[l].excluded} (${ex.length}): ${ex.map((e) => `${e.name} — ${EXCLUSION_LABELS[e.reason][l]}`).join('; ')}.`];
}

function unitsTable(r: RegistryReport, l: Locale): TableModel {
  const w = W[l];
  const cells = (t: RegistryReport['total'], name: string): Cell[] => [
    name, t.clusters.count, t.clusters.ha, t.industrialHa, t.occupiedHa, t.occupancy.pct, t.occupancy.included, t.projects, t.workers,
  ];
  return {
    ...base(r, 'units', w.unitsTitle!, l),
    columns: [
      { key: 'unit', header: GROUPING_LABELS[r.grouping][l], kind: 'text' },
      { key: 'count', header: w.clusters!, kind: 'int' },
      { key: 'ha', header: w.ha!, unit: 'ha', kind: 'ha' },
      { key: 'industrial', header: w.industrial!, unit: 'ha', kind: 'ha' },
      { key: 'occupied', header: w.occupied!, unit: 'ha', kind: 'ha' },
      { key: 'occupancy', header: w.avgOccupancy!, unit: '%', kind: 'pct' },
      { key: 'counted', header: w.counted!, kind: 'int' },
      { key: 'projects', header: w.projects!, kind: 'int' },
      { key: 'workers', header: w.workers!, unit: w.people, kind: 'int' },
    ],
    rows: r.groups.map((g) => ({ cells: cells(g, g.name) })),
    total: cells(r.total, w.total!),
    notes: [OCCUPANCY_RULE[l], ...excludedNote(r, l)],
  };
}

function clearanceTable(r: RegistryReport, l: Locale): TableModel {
  const w = W[l];
  const rows = r.clusters.filter((c) => c.clearance).map((c) => {
    const x = c.clearance!;
    return { id: c.id, cells: [c.name, x.parcels, x.handedOver, x.areaHa, x.handedOverHa, x.pct] as Cell[] };
  });
  return {
    ...base(r, 'clearance', w.clearanceTitle!, l),
    columns: [
      { key: 'name', header: w.cluster!, kind: 'text' },
      { key: 'parcels', header: w.parcels!, kind: 'int' },
      { key: 'handed', header: w.handedOver!, kind: 'int' },
      { key: 'ha', header: w.ha!, unit: 'ha', kind: 'ha' },
      { key: 'handed_ha', header: w.handedOver!, unit: 'ha', kind: 'ha' },
      { key: 'pct', header: w.progress!, unit: '%', kind: 'pct' },
    ],
    rows,
    notes: r.clearanceAvailable ? [] : [l === 'vi' ? 'Chưa có dữ liệu thửa đất GPMB.' : 'No clearance parcels available.'],
  };
}

function publishedTable(r: SummaryReport, l: Locale): TableModel {
  const w = W[l];
  const o = r.occupancy;
  const order = (m: SummaryMetric) => SUMMARY_METRICS.indexOf(m);
  const figures = [...r.summary.figures].sort((a, b) => order(a.metric) - order(b.metric));
  const rows = figures.map((f) => {
    const digits = f.metric === 'occupancy_pct' || f.metric.endsWith('_ha') ? 2 : 0;
    const q = f.qualifier === '=' ? '' : `${f.qualifier} `;
    let used: Cell = `${q}${formatNumber(f.value, digits, l)}`;
    let note: Cell = null;
    if (f.metric === 'occupancy_pct' && o.used !== null) {
      used = formatNumber(o.used, 2, l);
      note = o.usedSource === 'computed' ? `${w.computedDiff} ${o.difference! >= 0 ? '+' : ''}${formatNumber(o.difference!, 2, l)} ${w.points}` : w.notComputable!;
    }
    return { cells: [METRIC_LABELS[f.metric][l], f.published_text, used, note] as Cell[] };
  });
  return {
    ...base(r, 'published', w.publishedTitle!, l),
    headerLines: [`${r.summary.as_of_label} — ${r.summary.source}`],
    columns: [
      { key: 'metric', header: w.metric!, kind: 'text' },
      { key: 'published', header: w.published!, kind: 'text' },
      { key: 'used', header: w.used!, kind: 'text' },
      { key: 'note', header: w.note!, kind: 'text' },
    ],
    rows,
    notes: r.summary.note ? [r.summary.note] : [],
  };
}

/** The tables the dashboard shows for this report (summary provinces: status and published figures). */
export function dashboardTables(r: ProvinceReport, l: Locale): Partial<Record<DashboardTable, TableModel>> {
  if (r.kind === 'summary') return { published: publishedTable(r, l) };
  return { status: statusTable(r, l), clusters: clustersTable(r, l), units: unitsTable(r, l), clearance: clearanceTable(r, l) };
}
