import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs';
import { formatDate } from '../../src/core/format/number';
import type { ConflictResult } from '../analysis/conflicts';
import { codeNameVi, computedAtVi, crsText, dataVersionLines, layerNameVi, severityVi, STATUS_VI, SUBJECT_KIND_VI, subjectTitle } from './conflict-labels';

const HA = '#,##0.00';
const PCT = '0.0';

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number; numFmt?: string }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  return ws;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** The report's tables as an XLSX workbook (hectares as numbers, two decimals). */
export async function conflictXlsx(r: ConflictResult): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'ccn-map';
  wb.created = new Date(r.dataVersions.computedAt);

  const info = sheet(wb, 'Tổng hợp', [{ header: 'Mục', key: 'k', width: 38 }, { header: 'Giá trị', key: 'v', width: 70 }]);
  info.addRows([
    { k: 'Đối tượng', v: subjectTitle(r) },
    { k: 'Loại', v: SUBJECT_KIND_VI[r.subject.kind] },
    { k: 'Diện tích mặt phẳng VN-2000 (ha)', v: round(r.area.planeHa, 2) },
    { k: 'Diện tích trên ellipsoid (ha)', v: round(r.area.ellipsoidalHa, 2) },
    { k: 'Hệ tọa độ', v: crsText(r.srid) },
    { k: 'Ngày áp dụng quy định', v: formatDate(r.date) },
    { k: 'Chế độ pháp lý', v: r.regime.name },
    { k: 'Kết luận chung', v: STATUS_VI[r.overall] },
    { k: 'Tính lúc (giờ Việt Nam)', v: computedAtVi(r.dataVersions.computedAt) },
  ]);
  info.getColumn('v').numFmt = HA;

  const sev = sheet(wb, 'Theo mức độ', [
    { header: 'Mức độ', key: 's', width: 36 }, { header: 'Diện tích (ha)', key: 'ha', width: 16, numFmt: HA }, { header: '% diện tích', key: 'pct', width: 12, numFmt: PCT },
  ]);
  for (const s of r.table.severities) sev.addRow({ s: severityVi(s.severity), ha: round(s.overlapHa, 2), pct: round(s.pct, 1) });

  const codes = sheet(wb, 'Theo lớp và mã đất', [
    { header: 'Lớp quy hoạch', key: 'layer', width: 44 }, { header: 'Mã đất', key: 'code', width: 9 }, { header: 'Loại đất', key: 'name', width: 36 },
    { header: 'Mức độ', key: 'sev', width: 30 }, { header: 'Diện tích (ha)', key: 'ha', width: 15, numFmt: HA }, { header: '% diện tích', key: 'pct', width: 12, numFmt: PCT },
  ]);
  for (const l of r.table.layers) {
    for (const c of l.codes)
      codes.addRow({ layer: layerNameVi(r, l.layerId), code: c.landCode, name: codeNameVi(c.landCode), sev: severityVi(c.severity), ha: round(c.overlapHa, 2), pct: round(c.pct, 1) });
    codes.addRow({ layer: layerNameVi(r, l.layerId), code: '—', name: 'Không thuộc vùng nào của lớp', sev: '', ha: round(l.uncoveredHa, 2), pct: round(r.area.planeHa ? (100 * l.uncoveredHa) / r.area.planeHa : 0, 1) });
  }

  const feats = sheet(wb, 'Đối tượng giao cắt', [
    { header: 'Lớp quy hoạch', key: 'layer', width: 44 }, { header: 'Mã', key: 'id', width: 8 }, { header: 'Mã đất', key: 'code', width: 9 },
    { header: 'Mã đất gốc', key: 'orig', width: 11 }, { header: 'Tên', key: 'name', width: 40 }, { header: 'Diện tích giao (ha)', key: 'ha', width: 18, numFmt: HA },
  ]);
  for (const l of r.table.layers)
    for (const c of l.codes)
      for (const f of c.features)
        feats.addRow({ layer: layerNameVi(r, l.layerId), id: f.id, code: f.landCode, orig: f.originalCode ?? '', name: f.name ?? '', ha: round(f.overlapHa, 4) });

  const rules = sheet(wb, 'Điều kiện pháp lý', [
    { header: 'Điều kiện', key: 't', width: 34 }, { header: 'Căn cứ', key: 'a', width: 40 }, { header: 'Kết quả', key: 's', width: 14 },
    { header: 'Nội dung', key: 'm', width: 80 }, { header: 'Số liệu', key: 'n', width: 60 }, { header: 'Chế độ pháp lý', key: 'r', width: 40 },
  ]);
  for (const u of r.rules)
    rules.addRow({
      t: u.title.vi, a: u.article.vi, s: STATUS_VI[u.status], m: [u.message.vi, ...u.notes.map((n) => n.vi)].join(' '),
      n: Object.entries(u.numbers).map(([k, v]) => `${k}=${v ?? '—'}`).join('; '), r: u.regime.name,
    });

  const data = sheet(wb, 'Dữ liệu', [{ header: 'Nguồn dữ liệu và phiên bản', key: 'l', width: 120 }]);
  for (const l of dataVersionLines(r)) data.addRow({ l });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
