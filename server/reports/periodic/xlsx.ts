/**
 * A table model as an XLSX workbook (exceljs): form code, title and header lines, a two-level
 * header with units, column numbers, rows with number formats, the total in bold, notes.
 * Metadata dates are the figures' day, so the same data gives the same cell contents.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lazy-libs';
import { headerWithUnit, roundCell, type CellKind, type TableModel } from '../../../src/core/reports/model';

const FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  ha: '#,##0.00',
  pct: '0.00',
  money: '#,##0.00',
  decimal: '#,##0.0',
  flag: '0',
};

const WIDTH: Record<CellKind, number> = { text: 26, int: 9, ha: 11, pct: 9, money: 12, decimal: 10, flag: 9 };
const THIN = { style: 'thin' as const, color: { argb: 'FF8C959F' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Adds one table as a worksheet. */
export function addTableSheet(wb: ExcelJS.Workbook, t: TableModel, sheetName?: string): ExcelJS.Worksheet {
  const n = t.columns.length;
  const ws = wb.addWorksheet((sheetName ?? t.code ?? t.id).slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = t.columns.map((c) => ({ key: c.key, width: c.key === 'stt' ? 5 : WIDTH[c.kind] }));

  let r = 1;
  const wide = (text: string, opts: { bold?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}) => {
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { bold: opts.bold ?? false, size: opts.size ?? 11 };
    cell.alignment = { horizontal: opts.align ?? 'left', vertical: 'middle', wrapText: true };
    r++;
  };
  if (t.code) wide(t.code, { bold: true, align: 'right' });
  wide(t.title, { bold: true, size: 13, align: 'center' });
  ws.getRow(r - 1).height = 34;
  for (const line of t.headerLines) wide(line);
  r++;

  // Header: a group spans its columns on the first row; ungrouped columns span both rows.
  const grouped = t.columns.some((c) => c.group);
  const top = r;
  const bottom = grouped ? r + 1 : r;
  for (let i = 0; i < n; i++) {
    const c = t.columns[i]!;
    if (grouped && c.group) {
      if (i === 0 || t.columns[i - 1]!.group !== c.group) {
        let j = i;
        while (j + 1 < n && t.columns[j + 1]!.group === c.group) j++;
        if (j > i) ws.mergeCells(top, i + 1, top, j + 1);
        ws.getCell(top, i + 1).value = c.group;
      }
      ws.getCell(bottom, i + 1).value = headerWithUnit(c);
    } else {
      if (bottom > top) ws.mergeCells(top, i + 1, bottom, i + 1);
      ws.getCell(top, i + 1).value = headerWithUnit(c);
    }
  }
  for (let rr = top; rr <= bottom; rr++) {
    const row = ws.getRow(rr);
    row.height = 48;
    for (let i = 1; i <= n; i++) {
      const cell = row.getCell(i);
      cell.font = { bold: true, size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAEEF2' } };
      cell.border = BORDER;
    }
  }
  r = bottom + 1;
  // Column numbers, as the official forms print them.
  const numbers = ws.getRow(r);
  t.columns.forEach((_, i) => {
    const cell = numbers.getCell(i + 1);
    cell.value = `(${i + 1})`;
    cell.font = { italic: true, size: 9 };
    cell.alignment = { horizontal: 'center' };
    cell.border = BORDER;
  });
  r++;
  ws.views = [{ state: 'frozen', ySplit: r - 1, xSplit: 0 }];

  const writeRow = (cells: (string | number | null)[], bold: boolean) => {
    const row = ws.getRow(r++);
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = roundCell(cells[i] ?? null, c.kind);
      cell.value = v;
      const fmt = FORMATS[c.kind];
      if (fmt && typeof v === 'number') cell.numFmt = fmt;
      cell.font = { bold, size: 10 };
      cell.alignment = { vertical: 'top', wrapText: c.kind === 'text', horizontal: c.kind === 'text' ? 'left' : 'right' };
      cell.border = BORDER;
    });
  };
  for (const row of t.rows) writeRow(row.cells, false);
  if (t.total) writeRow(t.total, true);

  r++;
  for (const note of t.notes) {
    wide(`• ${note}`, { size: 10 });
    ws.getRow(r - 1).height = Math.min(90, 15 * Math.ceil(note.length / (n * 9)));
  }
  return ws;
}

/** One table as a whole workbook; `asOf` (ISO day) stamps the metadata. */
export async function tableToXlsx(t: TableModel, asOf: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'ccn-map';
  wb.lastModifiedBy = 'ccn-map';
  wb.created = new Date(`${asOf}T00:00:00Z`);
  wb.modified = wb.created;
  wb.title = t.title;
  addTableSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
