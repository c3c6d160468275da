import { formatNumber } from '../format/number';
import { isIsoDate } from '../format/date';
import { AREA_FIELDS, COUNT_FIELDS, DATE_FIELDS, FIELD_LABELS, INVESTOR_TYPES, type ClusterField, type ClusterRecord } from './record';
import { isClusterStatus } from './status';

/** One refused value: the field it concerns, a stable code and the message in both languages. */
export interface FieldError {
  field: ClusterField;
  code:
    | 'required'
    | 'too_long'
    | 'unknown_value'
    | 'not_number'
    | 'not_integer'
    | 'negative'
    | 'not_positive'
    | 'too_large'
    | 'invalid_date'
    | 'future_date'
    | 'date_order'
    | 'exceeds'
    | 'needs_plant'
    | 'invalid_code';
  vi: string;
  en: string;
}

const MAX_HA = 100_000;
const ha = (v: number, l: 'vi' | 'en') => `${formatNumber(v, 2, l)} ha`;
const lbl = (f: ClusterField) => FIELD_LABELS[f];
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a whole cluster record (after an edit is merged into it) and returns every problem,
 * each naming its field. Empty when the record can be saved. The server refuses the same
 * edits (and the database has the matching CHECK constraints).
 * @example validateClusterRecord({ ...rec, leased_land_ha: 60, industrial_land_ha: 50 })
 *   // → [{ field: 'leased_land_ha', code: 'exceeds', en: 'Leased land (ha): 60.00 ha cannot exceed …' }]
 */
export function validateClusterRecord(r: ClusterRecord, today?: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: ClusterField, code: FieldError['code'], vi: string, en: string) =>
    errors.push({ field, code, vi: `${lbl(field).vi}: ${vi}`, en: `${lbl(field).en}: ${en}` });
  const has = (f: ClusterField) => errors.some((e) => e.field === f);

  if (typeof r.name !== 'string' || r.name.trim() === '') add('name', 'required', 'không được để trống', 'is required');
  else if (r.name.length > 200) add('name', 'too_long', 'dài quá 200 ký tự', 'is longer than 200 characters');
  if (!isClusterStatus(String(r.status))) add('status', 'unknown_value', `giá trị không hợp lệ (${String(r.status)})`, `unknown value (${String(r.status)})`);
  if (r.investor_type !== null && !INVESTOR_TYPES.includes(r.investor_type))
    add('investor_type', 'unknown_value', 'phải là doanh nghiệp hoặc cơ quan nhà nước', 'must be enterprise or state');
  if (r.investor_name !== null && r.investor_name.length > 300) add('investor_name', 'too_long', 'dài quá 300 ký tự', 'is longer than 300 characters');
  if (r.notes !== null && r.notes.length > 4000) add('notes', 'too_long', 'dài quá 4000 ký tự', 'is longer than 4000 characters');
  if (!Array.isArray(r.industries) || r.industries.length > 30 || r.industries.some((s) => typeof s !== 'string' || s.trim() === '' || s.length > 120))
    add('industries', 'unknown_value', 'tối đa 30 ngành, mỗi ngành 1–120 ký tự', 'at most 30 entries of 1–120 characters');

  for (const f of [...AREA_FIELDS, 'registered_capital_bn_vnd'] as const) {
    const v = r[f];
    if (v === null) continue;
    if (!isNum(v)) add(f, 'not_number', 'phải là một số', 'must be a number');
    else if (v < 0) add(f, 'negative', `không được là số âm (đã nhập ${formatNumber(v, 2, 'vi')})`, `must not be negative (got ${formatNumber(v, 2, 'en')})`);
    else if (f === 'declared_area_ha' && v === 0) add(f, 'not_positive', 'phải lớn hơn 0', 'must be greater than 0');
    else if (f !== 'registered_capital_bn_vnd' && v > MAX_HA) add(f, 'too_large', `không được vượt quá ${ha(MAX_HA, 'vi')}`, `must not exceed ${ha(MAX_HA, 'en')}`);
  }
  for (const f of COUNT_FIELDS) {
    const v = r[f];
    if (v === null) continue;
    if (!isNum(v) || !Number.isInteger(v)) add(f, 'not_integer', 'phải là số nguyên', 'must be a whole number');
    else if (v < 0) add(f, 'negative', `không được là số âm (đã nhập ${v})`, `must not be negative (got ${v})`);
  }

  // Land figures must nest: leased (+ investment-approved), ready ≤ industrial ≤ declared.
  const ok = (f: ClusterField) => !has(f) && isNum(r[f]);
  const ind = r.industrial_land_ha;
  if (ok('industrial_land_ha') && ok('declared_area_ha') && ind! > r.declared_area_ha!)
    add('industrial_land_ha', 'exceeds', `${ha(ind!, 'vi')} lớn hơn diện tích theo quyết định (${ha(r.declared_area_ha!, 'vi')})`,
      `${ha(ind!, 'en')} cannot exceed the declared area (${ha(r.declared_area_ha!, 'en')})`);
  if (ok('industrial_land_ha')) {
    if (ok('leased_land_ha') && r.leased_land_ha! > ind!)
      add('leased_land_ha', 'exceeds', `${ha(r.leased_land_ha!, 'vi')} lớn hơn đất công nghiệp (${ha(ind!, 'vi')})`,
        `${ha(r.leased_land_ha!, 'en')} cannot exceed the industrial land (${ha(ind!, 'en')})`);
    else if (ok('investment_approved_land_ha') && (r.leased_land_ha ?? 0) + r.investment_approved_land_ha! > ind! + 1e-9)
      add('investment_approved_land_ha', 'exceeds', `cộng với đất đã cho thuê vượt quá đất công nghiệp (${ha(ind!, 'vi')})`,
        `together with the leased land exceeds the industrial land (${ha(ind!, 'en')})`);
    if (ok('ready_land_ha') && r.ready_land_ha! > ind!)
      add('ready_land_ha', 'exceeds', `${ha(r.ready_land_ha!, 'vi')} lớn hơn đất công nghiệp (${ha(ind!, 'vi')})`,
        `${ha(r.ready_land_ha!, 'en')} cannot exceed the industrial land (${ha(ind!, 'en')})`);
  }
  for (const f of ['fdi_projects_count', 'operating_projects_count'] as const) {
    if (ok(f) && ok('projects_count') && r[f]! > r.projects_count!)
      add(f, 'exceeds', `${r[f]} lớn hơn tổng số dự án (${r.projects_count})`, `${r[f]} cannot exceed the number of projects (${r.projects_count})`);
  }
  if (r.wwtp_compliant && !r.wwtp_built)
    add('wwtp_compliant', 'needs_plant', 'không thể đạt chuẩn khi chưa có trạm xử lý nước thải', 'cannot be met without a wastewater plant');

  for (const f of DATE_FIELDS) {
    const v = r[f];
    if (v !== null && !isIsoDate(v)) add(f, 'invalid_date', `ngày không hợp lệ (${String(v)}); nhập dd/mm/yyyy`, `not a valid date (${String(v)}); use YYYY-MM-DD`);
  }
  const okDate = (f: (typeof DATE_FIELDS)[number]) => !has(f) && r[f] !== null;
  if (today && okDate('figures_as_of') && r.figures_as_of! > today)
    add('figures_as_of', 'future_date', 'không được sau ngày hôm nay', 'cannot be after today');
  if (okDate('established_on') && okDate('detailed_plan_approved_on') && r.detailed_plan_approved_on! < r.established_on!)
    add('detailed_plan_approved_on', 'date_order', 'không được trước ngày thành lập', 'cannot be before the establishment date');

  const code = /^[0-9A-Za-z]{1,12}$/;
  for (const f of ['province_code_at_decision', 'district_code_at_decision'] as const) {
    const v = r[f];
    if (v !== null && !code.test(v)) add(f, 'invalid_code', `mã không hợp lệ (${v})`, `not a valid code (${v})`);
  }
  for (const f of ['commune_codes_at_decision', 'commune_codes_current'] as const) {
    if (!Array.isArray(r[f]) || r[f].length > 20 || r[f].some((c) => !code.test(c)))
      add(f, 'invalid_code', 'danh sách mã xã không hợp lệ', 'not a valid list of commune codes');
  }
  return errors;
}
