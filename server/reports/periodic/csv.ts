/**
 * A table model as CSV: one header line (group — header (unit)), the rows and the total,
 * numbers rounded to their decimals with a dot, UTF-8 with a BOM so spreadsheet programs read
 * the Vietnamese headers.
 */
import Papa from 'papaparse';
import { headerWithUnit, roundCell, type TableModel } from '../../../src/core/reports/model';

export function tableToCsv(t: TableModel): string {
  const header = t.columns.map((c) => (c.group ? `${c.group} — ${headerWithUnit(c)}` : headerWithUnit(c)));
  const line = (cells: (string | number | null)[]) => t.columns.map((c, i) => roundCell(cells[i] ?? null, c.kind) ?? '');
  const data = [header, ...t.rows.map((r) => line(r.cells)), ...(t.total ? [line(t.total)] : [])];
  return `\uFEFF${Papa.unparse(data, { newline: '\r\n' })}\r\n`;
}
