/**
 * The periodic forms of Circular 14/2024/TT-BCT (DOMAIN.md §3), as table models in Vietnamese:
 * Biểu 02 per cluster (infrastructure investor), Biểu 03 per commune — formerly district —,
 * Biểu 04 for the province (DOIT). The layout follows the forms' content; it is not a copy
 * of the official template.
 */
import { formatDate, formatNumber } from '../format/number';
import { groupKey, type Totals } from './aggregate';
import { EXCLUSION_LABELS, GROUPING_LABELS, OCCUPANCY_RULE, SOURCE_LABELS, STATUS_LABELS } from './labels';
import type { Cell, TableColumn, TableModel, TableRow } from './model';
import { dueDate, periodLabel, type FormId } from './periods';
import type { ClusterRow, ProvinceReport, RegistryReport } from './report';

const HA = 'ha';
const BN = 'tỷ đồng';
const flag = (b: boolean): number => (b ? 1 : 0);

const B02_COLUMNS: TableColumn[] = [
  { key: 'stt', header: 'STT', kind: 'int' },
  { key: 'name', header: 'Tên cụm công nghiệp', kind: 'text' },
  { key: 'location', header: 'Địa bàn (xã hiện nay; huyện tại thời điểm quyết định)', kind: 'text' },
  { key: 'investor', header: 'Chủ đầu tư hạ tầng', kind: 'text' },
  { key: 'status', header: 'Tình trạng', kind: 'text' },
  { key: 'area', header: 'Diện tích theo quyết định', unit: HA, kind: 'ha' },
  { key: 'infra_approved', header: 'Được phê duyệt', unit: BN, group: 'Vốn đầu tư hạ tầng', kind: 'money' },
  { key: 'infra_disbursed', header: 'Đã giải ngân', unit: BN, group: 'Vốn đầu tư hạ tầng', kind: 'money' },
  { key: 'industrial', header: 'Theo QHCT', unit: HA, group: 'Đất công nghiệp', kind: 'ha' },
  { key: 'ready', header: 'Sẵn sàng cho thuê', unit: HA, group: 'Đất công nghiệp', kind: 'ha' },
  { key: 'occupied', header: 'Đã cho thuê / có chấp thuận đầu tư', unit: HA, group: 'Đất công nghiệp', kind: 'ha' },
  { key: 'occupancy', header: 'Tỷ lệ lấp đầy', unit: '%', kind: 'pct' },
  { key: 'occupancy_source', header: 'Nguồn số liệu lấp đầy', kind: 'text' },
  { key: 'projects', header: 'Tổng số', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
  { key: 'fdi', header: 'Trong đó FDI', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
  { key: 'operating', header: 'Đang hoạt động', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
  { key: 'capital', header: 'Vốn đăng ký', unit: BN, group: 'Dự án thứ cấp', kind: 'money' },
  { key: 'revenue', header: 'Doanh thu', unit: BN, kind: 'money' },
  { key: 'budget', header: 'Nộp ngân sách', unit: BN, kind: 'money' },
  { key: 'workers', header: 'Số lao động', unit: 'người', kind: 'int' },
  { key: 'income', header: 'Thu nhập bình quân', unit: 'triệu đồng/người/tháng', kind: 'decimal' },
  { key: 'wwtp', header: 'Đã có trạm XLNT tập trung (1/0)', group: 'Xử lý nước thải', kind: 'flag' },
  { key: 'wwtp_ok', header: 'Đạt quy chuẩn (1/0)', group: 'Xử lý nước thải', kind: 'flag' },
];

const countHa = (key: string, group: string): TableColumn[] => [
  { key: `${key}_n`, header: 'Số cụm', group, kind: 'int' },
  { key: `${key}_ha`, header: 'Diện tích', unit: HA, group, kind: 'ha' },
];

function unitColumns(unitHeader: string): TableColumn[] {
  return [
    { key: 'stt', header: 'STT', kind: 'int' },
    { key: 'unit', header: unitHeader, kind: 'text' },
    ...countHa('in_plan', 'CCN trong phương án phát triển'),
    ...countHa('established_period', 'Thành lập trong kỳ'),
    ...countHa('established', 'Đã thành lập (lũy kế)'),
    ...countHa('enterprise', 'Chủ đầu tư hạ tầng là doanh nghiệp'),
    ...countHa('detailed_plan', 'Đã có QHCT được duyệt'),
    ...countHa('infrastructure', 'Đã có dự án đầu tư hạ tầng'),
    ...countHa('operating', 'Đang hoạt động'),
    { key: 'industrial', header: 'Theo QHCT', unit: HA, group: 'Đất công nghiệp', kind: 'ha' },
    { key: 'occupied', header: 'Đã cho thuê / có chấp thuận đầu tư', unit: HA, group: 'Đất công nghiệp', kind: 'ha' },
    { key: 'occupancy', header: 'Tỷ lệ lấp đầy bình quân', unit: '%', kind: 'pct' },
    { key: 'occupancy_n', header: 'Số cụm tính tỷ lệ lấp đầy', kind: 'int' },
    { key: 'projects', header: 'Tổng số', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
    { key: 'fdi', header: 'Trong đó FDI', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
    { key: 'operating_projects', header: 'Đang hoạt động', unit: 'dự án', group: 'Dự án thứ cấp', kind: 'int' },
    { key: 'capital', header: 'Vốn đăng ký', unit: BN, group: 'Dự án thứ cấp', kind: 'money' },
    { key: 'workers', header: 'Số lao động', unit: 'người', kind: 'int' },
    { key: 'wwtp', header: 'Cụm có trạm XLNT', group: 'Xử lý nước thải', kind: 'int' },
    { key: 'wwtp_ok', header: 'Cụm XLNT đạt quy chuẩn', group: 'Xử lý nước thải', kind: 'int' },
  ];
}

function clusterCells(c: ClusterRow, i: number): Cell[] {
  const location = [c.communeNames.join(', '), c.districtName].filter(Boolean).join('; ');
  return [
    i + 1, c.name, location, c.investorName, STATUS_LABELS[c.status].vi, c.declaredAreaHa, null, null,
    c.industrialHa, c.readyHa, c.occupiedHa, c.occupancyPct,
    c.excludedBecause === 'no_detailed_plan' ? 'Chưa có QHCT' : SOURCE_LABELS[c.occupancySource].vi,
    c.projects, c.fdiProjects, c.operatingProjects, c.capitalBnVnd, c.revenueBnVnd, c.budgetPaidBnVnd, c.workers,
    c.avgIncomeMnVnd, flag(c.wwtpBuilt), flag(c.wwtpCompliant),
  ];
}

function totalsCells(t: Totals, stt: Cell, label: string, inPeriod: boolean): Cell[] {
  const ch = (x: { count: number | null; ha: number | null }): Cell[] => [x.count, x.ha];
  return [
    stt, label, ...ch(t.inPlan), ...(inPeriod ? ch(t.establishedInPeriod) : [null, null]), ...ch(t.established),
    ...ch(t.enterpriseInvestor), ...ch(t.withDetailedPlan), ...ch(t.withInfrastructure), ...ch(t.operating),
    t.industrialHa, t.occupiedHa, t.occupancy.pct, t.occupancy.included,
    t.projects, t.fdiProjects, t.operatingProjects, t.capitalBnVnd, t.workers, t.wwtpBuilt, t.wwtpCompliant,
  ];
}

const sumOf = (rows: ClusterRow[], f: (c: ClusterRow) => number | null): number | null =>
  rows.some((c) => f(c) !== null) ? rows.reduce((a, c) => a + (f(c) ?? 0), 0) : null;

function header(r: ProvinceReport, form: FormId, from: string, to: string): string[] {
  const lines = [`Đơn vị báo cáo: ${from}`, `Đơn vị nhận báo cáo: ${to}`];
  if (r.kind === 'summary') {
    lines.push(`Số liệu công bố: ${r.summary.as_of_label} — chỉ có số tổng hợp, không theo kỳ báo cáo`);
    return lines;
  }
  if (r.period) {
    lines.push(`Kỳ báo cáo: ${periodLabel(r.period, 'vi')}`, `Hạn gửi báo cáo: ${formatDate(dueDate(r.period, form))}`);
  } else {
    lines.push('Số liệu hiện tại (không phải kỳ báo cáo)');
  }
  const open = r.period !== null && r.asOf < r.period.end;
  lines.push(
    open
      ? `Số liệu tính đến ngày ${formatDate(r.asOf)} (kỳ báo cáo chưa kết thúc)`
      : `Số liệu tính đến hết ngày ${formatDate(r.asOf)}, lấy từ lịch sử hồ sơ cụm công nghiệp`,
  );
  return lines;
}

const TEMPLATE_NOTE = (form: string) =>
  `Bố cục theo nội dung ${form}, Thông tư 14/2024/TT-BCT (văn bản hợp nhất 55/VBHN-BCT); không phải bản sao mẫu chính thức.`;

function registryNotes(r: RegistryReport, clusters: ClusterRow[], t: Totals, grouped = true): string[] {
  const notes = [OCCUPANCY_RULE.vi];
  if (t.occupancy.excluded.length) {
    notes.push(
      `Không tính vào tỷ lệ lấp đầy bình quân (${t.occupancy.excluded.length} cụm): ` +
        t.occupancy.excluded.map((e) => `${e.name} (${EXCLUSION_LABELS[e.reason].vi})`).join('; ') + '.',
    );
  }
  const computed = clusters.filter((c) => c.occupancySource === 'computed').map((c) => c.name);
  const typed = clusters.filter((c) => c.occupancySource === 'typed').map((c) => c.name);
  if (computed.length) notes.push(`Lấp đầy tính từ lô đất quy hoạch chi tiết và hợp đồng thuê đất: ${computed.join('; ')}.`);
  if (typed.length) notes.push(`Lấp đầy theo số liệu nhập trong hồ sơ cụm: ${typed.join('; ')}.`);
  const multi = clusters.filter((c) => c.communeNames.length > 1);
  if (grouped && r.grouping === 'commune' && multi.length) {
    notes.push(`Cụm nằm trên nhiều xã được tính vào xã đầu tiên: ${multi.map((c) => `${c.name} (${c.communeNames.join(', ')})`).join('; ')}.`);
  }
  return notes;
}

/** Biểu 02: one row per cluster (all clusters of the province, or the one asked for). */
export function form02(r: RegistryReport, clusterId?: number): TableModel {
  const clusters = r.clusters.filter((c) => c.status !== 'removed_from_plan' && (clusterId === undefined || c.id === clusterId));
  const rows: TableRow[] = clusters.map((c, i) => ({ id: c.id, cells: clusterCells(c, i) }));
  const sub = clusterId === undefined ? r.total : undefined;
  const total: Cell[] | undefined = sub && [
    null, 'Tổng cộng', null, null, null, sumOf(clusters, (c) => c.declaredAreaHa), null, null,
    sumOf(clusters, (c) => c.industrialHa), sumOf(clusters, (c) => c.readyHa), sumOf(clusters, (c) => c.occupiedHa),
    sub.occupancy.pct, 'Bình quân', sub.projects, sub.fdiProjects, sub.operatingProjects, sub.capitalBnVnd,
    sumOf(clusters, (c) => c.revenueBnVnd), sumOf(clusters, (c) => c.budgetPaidBnVnd), sub.workers, null, sub.wwtpBuilt, sub.wwtpCompliant,
  ];
  const notes = registryNotes(r, clusters, r.total, false);
  notes.push('Vốn đầu tư hạ tầng (được phê duyệt, đã giải ngân) chưa có trong cơ sở dữ liệu: để trống, đơn vị báo cáo điền.');
  notes.push('Doanh thu, nộp ngân sách, lao động, thu nhập: tổng báo cáo kỳ của các dự án (Biểu 01) nếu có, nếu không theo hồ sơ cụm.');
  notes.push(TEMPLATE_NOTE('Biểu 02'));
  return {
    id: 'b02',
    code: 'Biểu 02',
    title: `BÁO CÁO TÌNH HÌNH ĐẦU TƯ XÂY DỰNG HẠ TẦNG KỸ THUẬT VÀ HOẠT ĐỘNG CỤM CÔNG NGHIỆP — TỈNH ${r.province.name.toUpperCase()}`,
    headerLines: header(r, 'b02', 'Chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp', 'UBND cấp xã; Sở Công Thương'),
    columns: B02_COLUMNS,
    rows,
    total,
    notes,
    fileName: `bieu-02-${fileSlug(r)}${clusterId === undefined ? '' : `-cum-${clusterId}`}`,
  };
}

/** Biểu 03: one row per commune (current) or legacy district; `unit` keeps one of them. */
export function form03(r: RegistryReport, unit?: string): TableModel {
  const groups = r.groups.filter((g) => unit === undefined || g.key === unit);
  const rows = groups.map((g, i) => ({ cells: totalsCells(g, i + 1, g.name, r.period !== null) }));
  const clusters = r.clusters.filter((c) => groups.some((g) => g.key === groupKey(c, r.grouping)));
  const excluded = groups.flatMap((g) => g.occupancy.excluded);
  const notes = registryNotes(r, clusters, { ...r.total, occupancy: { ...r.total.occupancy, excluded } });
  notes.push(`Nhóm theo: ${GROUPING_LABELS[r.grouping].vi}. Từ 01/07/2025 cấp huyện không còn; báo cáo của cấp huyện chuyển cho cấp xã.`);
  notes.push(TEMPLATE_NOTE('Biểu 03'));
  return {
    id: 'b03',
    code: 'Biểu 03',
    title: `BÁO CÁO TÌNH HÌNH CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN CẤP XÃ (TRƯỚC 01/07/2025: CẤP HUYỆN) — TỈNH ${r.province.name.toUpperCase()}`,
    headerLines: header(r, 'b03', 'UBND cấp xã (trước 01/07/2025: UBND cấp huyện)', 'UBND tỉnh; Sở Công Thương'),
    columns: unitColumns(GROUPING_LABELS[r.grouping].vi),
    rows,
    total: unit === undefined ? totalsCells(r.total, null, 'Tổng cộng', r.period !== null) : undefined,
    notes,
    fileName: `bieu-03-${fileSlug(r)}${unit === undefined ? '' : `-${unit}`}`,
  };
}

/** Biểu 04: the province, by unit with the province total (summary data sets: the total only). */
export function form04(r: ProvinceReport): TableModel {
  const inPeriod = r.period !== null && r.kind === 'registry';
  const columns = unitColumns(r.kind === 'registry' ? GROUPING_LABELS[r.grouping].vi : 'Đơn vị');
  const rows = r.kind === 'registry' ? r.groups.map((g, i) => ({ cells: totalsCells(g, i + 1, g.name, inPeriod) })) : [];
  const notes = r.kind === 'registry' ? registryNotes(r, r.clusters, r.total) : summaryNotes(r);
  notes.push(TEMPLATE_NOTE('Biểu 04'));
  return {
    id: 'b04',
    code: 'Biểu 04',
    title: `BÁO CÁO TÌNH HÌNH QUẢN LÝ, PHÁT TRIỂN CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH ${r.province.name.toUpperCase()}`,
    headerLines: header(r, 'b04', `Sở Công Thương tỉnh ${r.province.name}`, `UBND tỉnh ${r.province.name}; Bộ Công Thương`),
    columns,
    rows,
    total: totalsCells(r.total, null, `Toàn tỉnh ${r.province.name}`, inPeriod),
    notes,
    fileName: `bieu-04-${fileSlug(r)}`,
  };
}

function summaryNotes(r: Extract<ProvinceReport, { kind: 'summary' }>): string[] {
  const o = r.occupancy;
  const notes = [
    `Nguồn: ${r.summary.source}`,
    `Số liệu như công bố: ${r.summary.figures.map((f) => f.published_text).join('; ')}.`,
    OCCUPANCY_RULE.vi,
  ];
  if (o.usedSource === 'computed' && o.published !== null && o.difference !== null) {
    notes.push(
      `Tỷ lệ lấp đầy công bố ${formatNumber(o.published, 1)} % khác với số tính từ số liệu công bố ` +
        `(${formatNumber(r.total.occupiedHa ?? 0, 2)} ha ÷ ${formatNumber(r.total.industrialHa ?? 0, 2)} ha = ${formatNumber(o.computed!, 2)} %), ` +
        `chênh lệch ${formatNumber(o.difference, 2)} điểm phần trăm; báo cáo dùng số tính lại.`,
    );
  } else if (o.usedSource === 'published') {
    notes.push('Tỷ lệ lấp đầy theo số công bố (không có số liệu diện tích để tính lại).');
  }
  notes.push('Ô để trống: nguồn công bố không có số liệu này.');
  return notes;
}

function fileSlug(r: ProvinceReport): string {
  const key = r.kind === 'summary' ? r.province.key : `tinh-${r.province.key}`;
  return `${key}-${r.period ? r.period.id.toLowerCase() : `ngay-${r.asOf}`}`;
}

/** The form asked for. */
export function buildForm(form: FormId, r: ProvinceReport, opts: { clusterId?: number; unit?: string } = {}): TableModel {
  if (form === 'b04') return form04(r);
  if (r.kind !== 'registry') throw new RangeError(`${form} needs per-cluster data; ${r.province.name} has a summary only`);
  return form === 'b02' ? form02(r, opts.clusterId) : form03(r, opts.unit);
}
