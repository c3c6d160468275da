/**
 * Vocabulary of a cluster's detailed plan and its tenants: plot land uses,
 * project statuses, inspection scopes, follow-up statuses. Same lists as the
 * CHECK constraints of migrations 080–081.
 */

/** Land use of a plot in the approved detailed plan (quy hoạch chi tiết). */
export const PLOT_LAND_USES = [
  'industrial', // đất nhà máy, kho tàng — the only land counted by occupancy
  'services', // đất điều hành, dịch vụ
  'infrastructure', // đất hạ tầng kỹ thuật (power, water supply)
  'wastewater', // trạm xử lý nước thải
  'green', // cây xanh, mặt nước cách ly
  'roads', // giao thông
  'water', // mặt nước, hồ điều hòa
  'other',
] as const;
export type PlotLandUse = (typeof PLOT_LAND_USES)[number];

/** Lifecycle of a tenant project (Biểu 01, Circular 14/2024/TT-BCT). */
export const PROJECT_STATUSES = ['approved', 'under_construction', 'operating', 'suspended', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const CAPITAL_ORIGINS = ['fdi', 'domestic'] as const;
export type CapitalOrigin = (typeof CAPITAL_ORIGINS)[number];

export const INSPECTION_SCOPES = ['environment', 'fire_safety', 'land_use', 'construction'] as const;
export type InspectionScope = (typeof INSPECTION_SCOPES)[number];

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const includes = <T extends string>(list: readonly T[], s: unknown): s is T =>
  typeof s === 'string' && (list as readonly string[]).includes(s);

export const isPlotLandUse = (s: unknown): s is PlotLandUse => includes(PLOT_LAND_USES, s);
export const isProjectStatus = (s: unknown): s is ProjectStatus => includes(PROJECT_STATUSES, s);

/**
 * How a plot is drawn: an industrial plot by the status of the project that
 * holds it (or `vacant`), any other plot by its land use.
 */
export type PlotMapClass = 'vacant' | Exclude<ProjectStatus, 'terminated'> | `use_${Exclude<PlotLandUse, 'industrial'>}`;

export const PLOT_MAP_CLASSES: readonly PlotMapClass[] = [
  'vacant',
  'approved',
  'under_construction',
  'operating',
  'suspended',
  ...PLOT_LAND_USES.filter((u) => u !== 'industrial').map((u) => `use_${u}` as PlotMapClass),
];

/**
 * @example plotMapClass('industrial', null) // → 'vacant'
 * @example plotMapClass('industrial', 'operating') // → 'operating'
 * @example plotMapClass('roads', null) // → 'use_roads'
 */
export function plotMapClass(landUse: PlotLandUse, projectStatus: ProjectStatus | null | undefined): PlotMapClass {
  if (landUse !== 'industrial') return `use_${landUse}`;
  if (!projectStatus || projectStatus === 'terminated') return 'vacant';
  return projectStatus;
}
