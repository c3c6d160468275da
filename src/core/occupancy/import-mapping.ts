/**
 * Field mapping for importing a detailed plan's plots: which attribute holds the
 * plot code, the land use and the area, and how the plan's land-use labels map
 * onto PLOT_LAND_USES. Suggestions only — the user confirms them.
 */
import { foldVietnamese } from '../format/text';
import { PLOT_LAND_USES, type PlotLandUse } from './land-use';

export interface PlotFieldMapping {
  code: string;
  landUse: string | null;
  planAreaHa: string | null;
  note: string | null;
}

export interface FieldSummary {
  name: string;
  /** Distinct non-empty values (up to 50, as strings). */
  values: string[];
  distinct: number;
  filled: number;
  numeric: boolean;
}

/** Summarises the attributes of the features: names, sample values, whether numeric. */
export function summariseFields(properties: readonly Record<string, unknown>[]): FieldSummary[] {
  const names = new Set<string>();
  for (const p of properties) for (const k of Object.keys(p)) names.add(k);
  return [...names].map((name) => {
    const values = properties.map((p) => p[name]).filter((v) => v !== null && v !== undefined && String(v).trim() !== '');
    const distinct = [...new Set(values.map((v) => String(v).trim()))];
    return {
      name,
      values: distinct.slice(0, 50),
      distinct: distinct.length,
      filled: values.length,
      numeric: values.length > 0 && values.every((v) => typeof v === 'number' || /^-?\d+([.,]\d+)?$/.test(String(v).trim())),
    };
  });
}

const CODE_NAMES = /^(ma_?lo|malo|ma_?o|ky_?hieu|kyhieu|kh|so_?lo|lo|code|plot|plot_?code|name|ten|ten_?lo|id)$/;
const USE_NAMES = /^(chuc_?nang|chucnang|cn|loai_?dat|loaidat|ld|mdsd|muc_?dich|land_?use|landuse|use|function|type|loai)$/;
const AREA_NAMES = /^(dien_?tich|dientich|dt|dt_?ha|area|area_?ha|s|s_?ha)$/;
const NOTE_NAMES = /^(ghi_?chu|ghichu|note|notes|mo_?ta|description)$/;

const norm = (s: string) => foldVietnamese(s).toLowerCase().replace(/[\s-]+/g, '_');

/** Suggests which field holds what: by name first, then by shape of the values. */
export function suggestMapping(fields: readonly FieldSummary[], count: number): PlotFieldMapping | null {
  const byName = (re: RegExp, ok: (f: FieldSummary) => boolean) => fields.find((f) => re.test(norm(f.name)) && ok(f))?.name ?? null;
  const unique = (f: FieldSummary) => f.distinct === count && f.filled === count;
  const code = byName(CODE_NAMES, unique) ?? fields.find((f) => unique(f) && !f.numeric)?.name ?? fields.find(unique)?.name ?? null;
  if (!code) return null;
  const landUse =
    byName(USE_NAMES, (f) => f.name !== code && !f.numeric) ??
    fields.find((f) => f.name !== code && !f.numeric && f.distinct > 1 && f.distinct <= 12 && f.values.some((v) => suggestLandUse(v)))?.name ??
    null;
  return {
    code,
    landUse,
    planAreaHa: byName(AREA_NAMES, (f) => f.numeric),
    note: byName(NOTE_NAMES, () => true),
  };
}

const RULES: [RegExp, PlotLandUse][] = [
  [/(xlnt|xu_?ly_?nuoc|nuoc_?thai|wastewater|wwtp)/, 'wastewater'],
  [/(htkt|ha_?tang|tram_?dien|tba|cap_?nuoc|infrastructure|utility)/, 'infrastructure'],
  [/(^cx|cay_?xanh|xanh|green|park)/, 'green'],
  [/(^gt|giao_?thong|duong|road|street|bai_?do)/, 'roads'],
  [/(^mn|mat_?nuoc|ho_?dieu_?hoa|^ho_|water|lake)/, 'water'],
  [/(^dv|^dh|dieu_?hanh|dich_?vu|service|admin)/, 'services'],
  [/(^cn|^skn|^xn|^nm|cong_?nghiep|nha_?may|kho|xi_?nghiep|industr|factory|warehouse)/, 'industrial'],
];

/**
 * The land use a plan label most likely means, or null when unsure.
 * @example suggestLandUse('Đất nhà máy, kho tàng') // → 'industrial'
 * @example suggestLandUse('CX-02') // → 'green'
 */
export function suggestLandUse(label: string): PlotLandUse | null {
  const s = norm(label.trim());
  if ((PLOT_LAND_USES as readonly string[]).includes(s)) return s as PlotLandUse;
  for (const [re, use] of RULES) if (re.test(s)) return use;
  return null;
}

/** Parses an area attribute ("1,27", "1.27", 1.27) in hectares, or null. */
export function parseAreaHa(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== 'string' || !/^\d+([.,]\d+)?$/.test(v.trim())) return null;
  return Number(v.trim().replace(',', '.'));
}
