/**
 * A printable table: the periodic forms and every dashboard table use this one model, which
 * the server renders to XLSX, CSV, HTML (print) and PDF and the browser renders on screen.
 * Cells keep raw numbers; `formatCell` gives the Vietnamese (or English) text.
 */
import { formatNumber, type Locale } from '../format/number';

export type CellKind = 'text' | 'int' | 'ha' | 'pct' | 'money' | 'decimal' | 'flag';
export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  header: string;
  /** Unit shown under the header, e.g. "ha", "%". */
  unit?: string;
  /** Header spanning consecutive columns with the same group. */
  group?: string;
  kind: CellKind;
}

export interface TableRow {
  /** Cluster id, when the row is one cluster (the dashboard opens it on the map). */
  id?: number;
  cells: Cell[];
}

export interface TableModel {
  /** 'b02' | 'b03' | 'b04' for the forms, a table name for dashboard tables. */
  id: string;
  /** "Biểu 04" for forms. */
  code?: string;
  title: string;
  /** Lines under the title: reporting unit, recipient, period, due date, as-of day. */
  headerLines: string[];
  columns: TableColumn[];
  rows: TableRow[];
  total?: Cell[];
  notes: string[];
  /** File name without extension (ASCII). */
  fileName: string;
}

const DIGITS: Record<CellKind, number> = { text: 0, int: 0, ha: 2, pct: 2, money: 2, decimal: 1, flag: 0 };

/** Decimals a kind is shown with (XLSX number formats use the same). */
export const digitsOf = (k: CellKind): number => DIGITS[k];

/**
 * @example formatCell(2329, 'ha') // → '2.329,00'
 * @example formatCell(55.4592, 'pct', 'vi') // → '55,46'
 * @example formatCell(null, 'int') // → ''
 */
export function formatCell(v: Cell, kind: CellKind, locale: Locale = 'vi'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '';
  return formatNumber(v, DIGITS[kind], locale);
}

/** Rounds a number to the decimals of its kind (what a file stores; the screen shows the same). */
export function roundCell(v: Cell, kind: CellKind): Cell {
  if (typeof v !== 'number') return v;
  const f = 10 ** DIGITS[kind];
  return Math.round(v * f) / f;
}

/** Header text with its unit: "Đất công nghiệp (ha)". */
export const headerWithUnit = (c: TableColumn): string => (c.unit ? `${c.header} (${c.unit})` : c.header);
