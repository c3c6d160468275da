/**
 * The monthly review of land clearance (per the provincial directive: progress of
 * compensation and clearance, obstacles, overdue items) as an XLSX workbook in
 * Vietnamese: summary by cluster with the total, parcels by step, obstacles,
 * overdue items, and the transitions recorded in the month.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs';
import type pg from 'pg';
import { addDays, addMonths, daysBetween, todayInVietnam } from '../../src/core/clearance/dates';
import { overdueOf } from '../../src/core/clearance/deadlines';
import { ACTION_LABELS, FLAG_LABELS, OVERDUE_LABELS, STATUS_LABELS } from '../../src/core/clearance/labels';
import { BRANCH_STATUSES, PARCEL_STATUSES, STATUS_STEP, type BlockingFlag, type ParcelAction } from '../../src/core/clearance/steps';
import { formatDate } from '../../src/core/format/number';
import { summarise, type Progress } from '../../src/core/clearance/progress';
import { clusterProgress, clustersWithParcels } from './progress';
import type { ParcelAsOf } from './asof';

export interface ReviewOptions {
  clusterId?: number | undefined;
  /** YYYY-MM; figures as of its last day (or today in the current month). */
  month: string;
}

const MONEY = '#,##0';
const HA = '#,##0.00';
const PCT = '0.0';

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]): void {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function title(ws: ExcelJS.Worksheet, text: string, sub: string, span: number): void {
  ws.addRow([text]).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, span);
  ws.addRow([sub]).font = { italic: true };
  ws.mergeCells(2, 1, 2, span);
  ws.addRow([]);
}

const summaryRow = (n: number | string, name: string, p: Progress) => [
  n, name, p.parcels, p.areaHa, p.households, p.handedOver.parcels, p.handedOver.areaHa, p.handedOver.pctArea,
  p.money.approved, p.money.paid, p.money.pctPaidOfApproved, `${p.graves.relocated}/${p.graves.total}`,
  p.overdue.payment_overdue + p.overdue.notice_expired,
];

/** Builds the workbook; returns it with the as-of date and the figures it holds (for the caller's checks). */
export async function buildReview(q: pg.Pool | pg.PoolClient, opts: ReviewOptions) {
  const today = todayInVietnam();
  const monthStart = `${opts.month}-01`;
  const monthEnd = addDays(addMonths(monthStart, 1), -1);
  const asOf = monthEnd < today ? monthEnd : today;
  const clusters = (await clustersWithParcels(q)).filter((c) => !opts.clusterId || c.id === opts.clusterId);
  const per: { id: number; name: string; parcels: ParcelAsOf[]; progress: Progress }[] = [];
  for (const c of clusters) per.push({ ...c, ...(await clusterProgress(q, c.id, asOf)) });
  const all = per.flatMap((c) => c.parcels);
  const total = summarise(all.map((p) => ({ state: p.state, areaHa: p.row.area_ha, households: p.households, graves: p.graves, flags: p.row.flags })), asOf);
  const synthetic = (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels WHERE is_synthetic AND cluster_id = ANY($1::int[])', [clusters.map((c) => c.id)])).rows[0]!.n > 0;

  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'ccn-map';
  wb.created = new Date(`${today}T00:00:00Z`);
  const [y, m] = opts.month.split('-');
  const head = `BÁO CÁO TIẾN ĐỘ BỒI THƯỜNG, HỖ TRỢ, TÁI ĐỊNH CƯ VÀ GIẢI PHÓNG MẶT BẰNG THÁNG ${m}/${y}`;
  const sub = `Số liệu đến ngày ${formatDate(asOf)}${synthetic ? ' — dữ liệu minh họa (tổng hợp, không phải số liệu thật)' : ''}`;

  const ws = wb.addWorksheet('Tổng hợp');
  title(ws, head, sub, 13);
  header(ws, ['STT', 'Cụm công nghiệp', 'Tổng số thửa', 'Tổng diện tích (ha)', 'Số hộ bị ảnh hưởng', 'Đã bàn giao (thửa)', 'Đã bàn giao (ha)', 'Tỷ lệ bàn giao (%)', 'Kinh phí được phê duyệt (đồng)', 'Đã chi trả (đồng)', 'Tỷ lệ chi trả (%)', 'Mộ đã di dời / tổng số', 'Số thửa quá hạn'], [6, 34, 10, 12, 10, 11, 11, 10, 18, 18, 10, 12, 10]);
  per.forEach((c, i) => ws.addRow(summaryRow(i + 1, c.name, c.progress)));
  const totalRow = ws.addRow(summaryRow('', 'Tổng cộng', total));
  totalRow.font = { bold: true };
  for (const [col, fmt] of [[4, HA], [7, HA], [8, PCT], [9, MONEY], [10, MONEY], [11, PCT]] as const) ws.getColumn(col).numFmt = fmt;

  const steps = wb.addWorksheet('Theo bước');
  title(steps, 'SỐ THỬA, DIỆN TÍCH VÀ SỐ HỘ THEO BƯỚC (Luật Đất đai 2024)', sub, 5);
  header(steps, ['Bước', 'Trạng thái', 'Số thửa', 'Diện tích (ha)', 'Số hộ'], [8, 40, 10, 14, 10]);
  for (const s of PARCEL_STATUSES) {
    const f = total.byStatus[s];
    steps.addRow([STATUS_STEP[s], STATUS_LABELS[s].vi, f.parcels, f.areaHa, f.households]);
  }
  steps.addRow(['', 'Chưa đưa vào kế hoạch thu hồi', total.notInPlan, '', '']);
  steps.getColumn(4).numFmt = HA;

  const obstacles = wb.addWorksheet('Vướng mắc');
  title(obstacles, 'CÁC THỬA ĐẤT CÒN VƯỚNG MẮC', sub, 8);
  header(obstacles, ['STT', 'Cụm công nghiệp', 'Tờ bản đồ', 'Thửa', 'Loại đất', 'Trạng thái', 'Vướng mắc', 'Ghi chú'], [6, 28, 8, 8, 8, 30, 40, 50]);
  let n = 0;
  for (const c of per) {
    for (const p of c.parcels) {
      const flags = p.row.flags.filter((f) => f !== 'public_land' && f in FLAG_LABELS).map((f) => FLAG_LABELS[f as BlockingFlag].vi);
      const branch = p.state && BRANCH_STATUSES.includes(p.state.status);
      if (!flags.length && !branch) continue;
      obstacles.addRow([++n, c.name, p.row.map_sheet_no, p.row.parcel_no, p.row.legal_land_code, p.state ? STATUS_LABELS[p.state.status].vi : '', flags.join('; '), p.row.notes ?? '']);
    }
  }

  const overdue = wb.addWorksheet('Quá hạn');
  title(overdue, 'CÁC VIỆC QUÁ HẠN', sub, 8);
  header(overdue, ['STT', 'Cụm công nghiệp', 'Tờ bản đồ', 'Thửa', 'Trạng thái', 'Nội dung quá hạn', 'Hạn', 'Số ngày quá hạn'], [6, 28, 8, 8, 30, 40, 12, 10]);
  n = 0;
  for (const c of per) {
    for (const p of c.parcels) {
      if (!p.state) continue;
      for (const o of overdueOf(p.state, asOf))
        overdue.addRow([++n, c.name, p.row.map_sheet_no, p.row.parcel_no, STATUS_LABELS[p.state.status].vi, OVERDUE_LABELS[o.kind].vi, formatDate(o.due), daysBetween(o.due, asOf)]);
    }
  }

  const month = wb.addWorksheet('Trong tháng');
  title(month, `CÁC BƯỚC ĐÃ THỰC HIỆN TRONG THÁNG ${m}/${y}`, sub, 7);
  header(month, ['Ngày', 'Cụm công nghiệp', 'Tờ bản đồ', 'Thửa', 'Nội dung', 'Số văn bản', 'Người ký'], [12, 28, 8, 8, 40, 18, 30]);
  const events = await q.query<{ date: string; cluster: string; sheet: string; parcel: string; action: ParcelAction; decision_no: string | null; signatory: string | null }>(
    `SELECT e.date, c.name AS cluster, p.map_sheet_no AS sheet, p.parcel_no AS parcel, e.action, e.decision_no, e.signatory
     FROM parcel_events e JOIN parcels p ON p.id = e.parcel_id JOIN clusters c ON c.id = p.cluster_id
     WHERE e.date BETWEEN $1 AND $2 AND p.cluster_id = ANY($3::int[]) ORDER BY e.date, c.name, p.map_sheet_no, p.parcel_no, e.seq`,
    [monthStart, asOf, clusters.map((c) => c.id)],
  );
  for (const e of events.rows) month.addRow([formatDate(e.date), e.cluster, e.sheet, e.parcel, ACTION_LABELS[e.action]?.vi ?? e.action, e.decision_no ?? '', e.signatory ?? '']);

  return { workbook: wb, asOf, total, clusters: per.map((c) => ({ id: c.id, name: c.name, progress: c.progress })) };
}
