import { isIsoDate } from '../format/date';

/** Kinds of decision in a cluster's life (DOMAIN.md §2). */
export const DECISION_KINDS = [
  'plan_addition',
  'investor_selection',
  'establishment',
  'detailed_plan',
  'infrastructure_project',
  'expansion',
  'adjustment',
  'removal',
  'other',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, { vi: string; en: string }> = {
  plan_addition: { vi: 'Bổ sung vào phương án phát triển', en: 'Added to the development plan' },
  investor_selection: { vi: 'Lựa chọn chủ đầu tư', en: 'Investor selection' },
  establishment: { vi: 'Thành lập', en: 'Establishment' },
  detailed_plan: { vi: 'Phê duyệt quy hoạch chi tiết', en: 'Detailed plan approval' },
  infrastructure_project: { vi: 'Dự án đầu tư hạ tầng', en: 'Infrastructure project' },
  expansion: { vi: 'Mở rộng', en: 'Expansion' },
  adjustment: { vi: 'Điều chỉnh', en: 'Adjustment' },
  removal: { vi: 'Đưa ra khỏi phương án', en: 'Removal from the plan' },
  other: { vi: 'Khác', en: 'Other' },
};

/** Legal regimes a decision may be taken under (free text is allowed too). */
export const LEGAL_REGIMES = ['68/2017/NĐ-CP; 66/2020/NĐ-CP', '32/2024/NĐ-CP', '32/2024/NĐ-CP; 139/2025/NĐ-CP'] as const;

export interface DecisionInput {
  number: string;
  date: string;
  issuer: string;
  kind: string;
  legal_regime: string | null;
  summary: string | null;
}

export type DecisionField = keyof DecisionInput;

export interface DecisionError {
  field: DecisionField;
  vi: string;
  en: string;
}

/**
 * Checks a decision before it is saved; each problem names its field.
 * @example validateDecision({ number: '502/QĐ-UBND', date: '2022-03-23', issuer: 'UBND tỉnh Lạng Sơn', kind: 'plan_addition', legal_regime: null, summary: null }) // → []
 */
export function validateDecision(d: DecisionInput): DecisionError[] {
  const e: DecisionError[] = [];
  if (!d.number?.trim()) e.push({ field: 'number', vi: 'Số quyết định: không được để trống', en: 'Decision number: is required' });
  else if (d.number.length > 60) e.push({ field: 'number', vi: 'Số quyết định: dài quá 60 ký tự', en: 'Decision number: longer than 60 characters' });
  if (!isIsoDate(d.date)) e.push({ field: 'date', vi: `Ngày quyết định: ngày không hợp lệ (${String(d.date)})`, en: `Decision date: not a valid date (${String(d.date)})` });
  if (!d.issuer?.trim()) e.push({ field: 'issuer', vi: 'Cơ quan ban hành: không được để trống', en: 'Issuer: is required' });
  else if (d.issuer.length > 200) e.push({ field: 'issuer', vi: 'Cơ quan ban hành: dài quá 200 ký tự', en: 'Issuer: longer than 200 characters' });
  if (!(DECISION_KINDS as readonly string[]).includes(d.kind))
    e.push({ field: 'kind', vi: `Loại quyết định: giá trị không hợp lệ (${String(d.kind)})`, en: `Kind: unknown value (${String(d.kind)})` });
  if (d.legal_regime !== null && d.legal_regime.length > 200) e.push({ field: 'legal_regime', vi: 'Căn cứ pháp lý: dài quá 200 ký tự', en: 'Legal regime: longer than 200 characters' });
  if (d.summary !== null && d.summary.length > 2000) e.push({ field: 'summary', vi: 'Trích yếu: dài quá 2000 ký tự', en: 'Summary: longer than 2000 characters' });
  return e;
}
