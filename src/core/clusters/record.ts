import type { ClusterStatus } from './status';

export type InvestorType = 'enterprise' | 'state';
export const INVESTOR_TYPES: readonly InvestorType[] = ['enterprise', 'state'];

/** The editable fields of a cluster record (DOMAIN.md §2–3), as the API reads and writes them. */
export interface ClusterRecord {
  name: string;
  status: ClusterStatus;
  is_craft_village: boolean;
  is_mountainous: boolean;
  investor_name: string | null;
  investor_type: InvestorType | null;
  industries: string[];
  declared_area_ha: number | null;
  industrial_land_ha: number | null;
  ready_land_ha: number | null;
  leased_land_ha: number | null;
  investment_approved_land_ha: number | null;
  projects_count: number | null;
  fdi_projects_count: number | null;
  operating_projects_count: number | null;
  registered_capital_bn_vnd: number | null;
  workers: number | null;
  wwtp_built: boolean;
  wwtp_compliant: boolean;
  province_code_at_decision: string | null;
  district_code_at_decision: string | null;
  commune_codes_at_decision: string[];
  commune_codes_current: string[];
  established_on: string | null;
  detailed_plan_approved_on: string | null;
  figures_as_of: string | null;
  notes: string | null;
}

export type ClusterField = keyof ClusterRecord;

/** Hectare figures (numeric(10,2)). */
export const AREA_FIELDS = [
  'declared_area_ha',
  'industrial_land_ha',
  'ready_land_ha',
  'leased_land_ha',
  'investment_approved_land_ha',
] as const satisfies readonly ClusterField[];

/** Whole counts. */
export const COUNT_FIELDS = ['projects_count', 'fdi_projects_count', 'operating_projects_count', 'workers'] as const satisfies readonly ClusterField[];

export const DATE_FIELDS = ['established_on', 'detailed_plan_approved_on', 'figures_as_of'] as const satisfies readonly ClusterField[];

export const BOOLEAN_FIELDS = ['is_craft_village', 'is_mountainous', 'wwtp_built', 'wwtp_compliant'] as const satisfies readonly ClusterField[];

/** Every editable field, in the order the edit form shows them. */
export const CLUSTER_FIELDS: readonly ClusterField[] = [
  'name',
  'status',
  'is_craft_village',
  'is_mountainous',
  'investor_name',
  'investor_type',
  'industries',
  ...AREA_FIELDS,
  'projects_count',
  'fdi_projects_count',
  'operating_projects_count',
  'registered_capital_bn_vnd',
  'workers',
  'wwtp_built',
  'wwtp_compliant',
  'province_code_at_decision',
  'district_code_at_decision',
  'commune_codes_at_decision',
  'commune_codes_current',
  ...DATE_FIELDS,
  'notes',
];

/** Labels of the fields (messages name the field by its label; the API also gives the key). */
export const FIELD_LABELS: Record<ClusterField, { vi: string; en: string }> = {
  name: { vi: 'Tên cụm', en: 'Name' },
  status: { vi: 'Trạng thái', en: 'Status' },
  is_craft_village: { vi: 'Cụm làng nghề', en: 'Craft-village cluster' },
  is_mountainous: { vi: 'Địa bàn miền núi', en: 'Mountainous area' },
  investor_name: { vi: 'Chủ đầu tư hạ tầng', en: 'Infrastructure investor' },
  investor_type: { vi: 'Loại chủ đầu tư', en: 'Investor type' },
  industries: { vi: 'Ngành nghề', en: 'Industries' },
  declared_area_ha: { vi: 'Diện tích theo quyết định (ha)', en: 'Declared area (ha)' },
  industrial_land_ha: { vi: 'Đất công nghiệp theo QHCT (ha)', en: 'Industrial land, detailed plan (ha)' },
  ready_land_ha: { vi: 'Đất sẵn sàng cho thuê (ha)', en: 'Land ready for lease (ha)' },
  leased_land_ha: { vi: 'Đất đã cho thuê (ha)', en: 'Leased land (ha)' },
  investment_approved_land_ha: { vi: 'Đất đã có chấp thuận đầu tư, chưa thuê (ha)', en: 'Investment-approved, not leased (ha)' },
  projects_count: { vi: 'Số dự án', en: 'Projects' },
  fdi_projects_count: { vi: 'Số dự án FDI', en: 'FDI projects' },
  operating_projects_count: { vi: 'Số dự án đang hoạt động', en: 'Operating projects' },
  registered_capital_bn_vnd: { vi: 'Vốn đăng ký (tỷ đồng)', en: 'Registered capital (bn VND)' },
  workers: { vi: 'Số lao động', en: 'Workers' },
  wwtp_built: { vi: 'Đã có trạm xử lý nước thải', en: 'Wastewater plant built' },
  wwtp_compliant: { vi: 'Nước thải đạt chuẩn', en: 'Wastewater meets the standard' },
  province_code_at_decision: { vi: 'Tỉnh tại thời điểm quyết định', en: 'Province at decision time' },
  district_code_at_decision: { vi: 'Huyện tại thời điểm quyết định', en: 'District at decision time' },
  commune_codes_at_decision: { vi: 'Xã tại thời điểm quyết định', en: 'Communes at decision time' },
  commune_codes_current: { vi: 'Xã hiện nay', en: 'Communes now' },
  established_on: { vi: 'Ngày thành lập', en: 'Established on' },
  detailed_plan_approved_on: { vi: 'Ngày duyệt quy hoạch chi tiết', en: 'Detailed plan approved on' },
  figures_as_of: { vi: 'Số liệu tính đến ngày', en: 'Figures as of' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
};

/** The record part of a row (drops computed columns). */
export function pickRecord(row: Partial<Record<string, unknown>>): ClusterRecord {
  return Object.fromEntries(CLUSTER_FIELDS.map((f) => [f, row[f] ?? (defaultValue(f) as unknown)])) as unknown as ClusterRecord;
}

function defaultValue(f: ClusterField): unknown {
  if ((BOOLEAN_FIELDS as readonly string[]).includes(f)) return false;
  if (f === 'industries' || f === 'commune_codes_at_decision' || f === 'commune_codes_current') return [];
  return null;
}

/** Fields whose value differs between two records (arrays compared by content). */
export function changedFields(a: ClusterRecord, b: ClusterRecord): ClusterField[] {
  return CLUSTER_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/**
 * A cluster's name without the "Cụm công nghiệp" prefix, for lists and map labels.
 * @example shortClusterName('Cụm công nghiệp Đình Lập') // → 'Đình Lập'
 */
export const shortClusterName = (name: string): string => name.replace(/^Cụm công nghiệp\s+/, '');
