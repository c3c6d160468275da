/**
 * The field-mapping step of a parcel import: which column of the cadastral file
 * holds the map sheet no., the parcel no., the land codes, the area... Suggested
 * from common Vietnamese cadastral column names; every row is then mapped and
 * checked, and a broken row is named with its reason.
 */
import { foldVietnamese } from '../../src/core/format/text';
import { landCode } from '../../src/core/land/codes';

export const IMPORT_FIELDS = [
  'map_sheet_no', 'parcel_no', 'legal_land_code', 'current_land_code', 'planned_land_code', 'cadastral_area_m2', 'commune_code', 'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: readonly ImportField[] = ['map_sheet_no', 'parcel_no', 'legal_land_code'];

export type FieldMapping = Partial<Record<ImportField, string>>;

export interface ImportDefaults {
  commune_code: string;
  planned_land_code: string | null;
  planned_on: string;
}

const SYNONYMS: Record<ImportField, string[]> = {
  map_sheet_no: ['to', 'tobando', 'soto', 'sotobando', 'shbando', 'sohieutobando', 'tobd', 'sheet', 'mapsheet', 'mapsheetno', 'tbd', 'soto_bd'],
  parcel_no: ['thua', 'sothua', 'shthua', 'sothututhua', 'parcel', 'parcelno', 'thuadat', 'sohieuthua'],
  legal_land_code: ['loaidat', 'mdsd', 'kyhieumucdichsudung', 'maloaidat', 'landcode', 'legallandcode', 'mucdich', 'loaidatgcn', 'mucdichsudung'],
  current_land_code: ['hientrang', 'loaidathientrang', 'currentlandcode', 'ht', 'mdsdhientrang'],
  planned_land_code: ['quyhoach', 'plannedlandcode', 'qh', 'loaidatquyhoach'],
  cadastral_area_m2: ['dientich', 'dt', 'area', 'aream2', 'dientichm2', 'cadastralaream2', 'shape_area'],
  commune_code: ['maxa', 'communecode', 'maxaphuong', 'madvhc'],
  notes: ['ghichu', 'notes', 'note'],
};

const norm = (s: string) => foldVietnamese(s).replace(/[\s_\-.()]/g, '');

/** Columns of the file proposed for each field (the user may change them). */
export function suggestMapping(columns: readonly string[]): FieldMapping {
  const out: FieldMapping = {};
  for (const f of IMPORT_FIELDS) {
    const hit = columns.find((c) => SYNONYMS[f].map((x) => x.replace(/_/g, '')).includes(norm(c)));
    if (hit) out[f] = hit;
  }
  return out;
}

/** Columns present in the features (first 200), in first-seen order; internal ones (_layer) left out. */
export function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows.slice(0, 200)) for (const k of Object.keys(r)) if (!k.startsWith('_')) seen.add(k);
  return [...seen];
}

export interface MappedRow {
  commune_code: string;
  map_sheet_no: string;
  parcel_no: string;
  legal_land_code: string;
  original_land_code: string | null;
  current_land_code: string | null;
  planned_land_code: string | null;
  cadastral_area_m2: number | null;
  notes: string | null;
}

export interface RowProblem {
  field: ImportField | 'geometry' | 'key';
  message: string;
  message_vi: string;
}

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};

/** A land code of the file: known current codes kept, legacy ones mapped (the printed one kept as original). */
function code(v: unknown, field: ImportField): { code: string | null; original: string | null; problem?: RowProblem } {
  const s = text(v)?.toUpperCase() ?? null;
  if (!s) return { code: null, original: null };
  const c = landCode(s);
  if (!c) return { code: null, original: null, problem: { field, message: `${field}: unknown land-use code "${s}"`, message_vi: `${field}: mã loại đất không hợp lệ "${s}"` } };
  return { code: c.code, original: c.code === s ? null : s };
}

/** Maps one feature's attributes; returns the values or the first problem found. */
export function mapRow(props: Record<string, unknown>, m: FieldMapping, d: ImportDefaults): { row?: MappedRow; problem?: RowProblem } {
  const get = (f: ImportField) => (m[f] ? props[m[f]!] : undefined);
  const sheet = text(get('map_sheet_no'));
  const parcel = text(get('parcel_no'));
  if (!sheet || /\s/.test(sheet) || sheet.length > 20)
    return { problem: { field: 'map_sheet_no', message: `map sheet no. is missing or malformed (${JSON.stringify(get('map_sheet_no') ?? null)})`, message_vi: 'thiếu hoặc sai số tờ bản đồ' } };
  if (!parcel || /\s/.test(parcel) || parcel.length > 20)
    return { problem: { field: 'parcel_no', message: `parcel no. is missing or malformed (${JSON.stringify(get('parcel_no') ?? null)})`, message_vi: 'thiếu hoặc sai số thửa' } };
  const legal = code(get('legal_land_code'), 'legal_land_code');
  if (legal.problem) return { problem: legal.problem };
  if (!legal.code) return { problem: { field: 'legal_land_code', message: 'legal land code is missing', message_vi: 'thiếu mã loại đất theo giấy chứng nhận' } };
  const current = code(get('current_land_code'), 'current_land_code');
  if (current.problem) return { problem: current.problem };
  const planned = code(get('planned_land_code'), 'planned_land_code');
  if (planned.problem) return { problem: planned.problem };
  let area: number | null = null;
  const rawValue = get('cadastral_area_m2');
  const rawArea = text(rawValue);
  if (rawArea !== null) {
    // Numbers stay numbers; text may use Vietnamese separators ("4.184,6").
    area = typeof rawValue === 'number' ? rawValue : Number(rawArea.replace(/\s/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.'));
    if (!Number.isFinite(area) || area < 0 || area > 1e8)
      return { problem: { field: 'cadastral_area_m2', message: `area is not a number of m² (${rawArea})`, message_vi: `diện tích không phải số m² (${rawArea})` } };
    area = Math.round(area * 10) / 10;
  }
  return {
    row: {
      commune_code: text(get('commune_code')) ?? d.commune_code,
      map_sheet_no: sheet,
      parcel_no: parcel,
      legal_land_code: legal.code,
      original_land_code: legal.original,
      current_land_code: current.code ?? legal.code,
      planned_land_code: planned.code ?? d.planned_land_code,
      cadastral_area_m2: area,
      notes: text(get('notes')),
    },
  };
}
