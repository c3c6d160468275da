/** JSON Schemas of plots, tenant projects, inspections and occupancy (validation + OpenAPI). */
import {
  CAPITAL_ORIGINS,
  FOLLOW_UP_STATUSES,
  INSPECTION_SCOPES,
  PLOT_LAND_USES,
  PLOT_MAP_CLASSES,
  PROJECT_STATUSES,
} from '../../src/core/occupancy/land-use';

const nNum = { type: ['number', 'null'] } as const;
const nInt = { type: ['integer', 'null'] } as const;
const nStr = { type: ['string', 'null'] } as const;
const nDate = { type: ['string', 'null'], format: 'date' } as const;
export const idSchema = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
export const versionSchema = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const dateSchema = { type: 'string', format: 'date' } as const;
const money = { type: ['number', 'null'], minimum: 0, maximum: 99_999_999_999 } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const nText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

/** A GeoJSON Polygon or MultiPolygon in EPSG:4326 (deep checks are done by the route). */
export const polygonalSchema = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', minItems: 1 },
  },
} as const;

export const plotPropertiesSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    code: { type: 'string' },
    land_use: { type: 'string', enum: [...PLOT_LAND_USES] },
    area_ha: { type: 'number', description: 'Plane area in the cluster’s VN-2000 TM-3 CRS, ha' },
    plan_area_ha: { ...nNum, description: 'Area printed in the detailed plan, when known' },
    note: nStr,
    is_synthetic: { type: 'boolean' },
    version: { type: 'integer' },
    project_id: nInt,
    project_name: nStr,
    investor_name: nStr,
    capital_origin: nStr,
    project_status: nStr,
    leased_on: nDate,
    map_class: { type: 'string', enum: [...PLOT_MAP_CLASSES], description: 'How the map colours the plot' },
    label_point: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

/** Occupancy of one cluster: computed from plots beside the typed registry figures. */
export const occupancySchema = {
  type: 'object',
  properties: {
    cluster_id: { type: 'integer' },
    cluster_name: { type: 'string' },
    computed: {
      type: ['object', 'null'],
      description: 'From plots (null when the cluster has none)',
      properties: {
        plot_count: { type: 'integer' },
        industrial_plot_count: { type: 'integer' },
        occupied_plot_count: { type: 'integer' },
        plan_area_ha: { type: 'number' },
        industrial_area_ha: { type: 'number' },
        occupied_area_ha: { type: 'number' },
        vacant_area_ha: { type: 'number' },
        occupancy_pct: nNum,
      },
    },
    typed: {
      type: 'object',
      description: 'As typed in the registry: (leased_land_ha + investment_approved_land_ha) ÷ industrial_land_ha',
      properties: { industrial_land_ha: nNum, leased_land_ha: nNum, investment_approved_land_ha: nNum, occupancy_pct: nNum },
    },
    effective: {
      type: 'object',
      properties: { occupancy_pct: nNum, source: { type: 'string', enum: ['computed', 'typed', 'none'] } },
    },
  },
} as const;

export const projectFields = {
  name: text(300),
  investor_name: text(300),
  capital_origin: { type: 'string', enum: [...CAPITAL_ORIGINS] },
  investor_country: nText(100),
  industry: nText(200),
  investment_cert_no: nText(100),
  investment_cert_date: nDate,
  registered_capital_bn_vnd: money,
  disbursed_capital_bn_vnd: money,
  lease_contract_no: nText(100),
  lease_contract_date: nDate,
  lease_end_date: nDate,
  construction_start: nDate,
  operation_start: nDate,
  status: { type: 'string', enum: [...PROJECT_STATUSES] },
  notes: nText(4000),
} as const;

export const projectSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    ...projectFields,
    name: { type: 'string' },
    investor_name: { type: 'string' },
    notes: nStr,
    is_synthetic: { type: 'boolean' },
    version: { type: 'integer' },
    plots: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'integer' }, code: { type: 'string' }, area_ha: { type: 'number' }, leased_on: dateSchema },
      },
    },
    leased_area_ha: { type: 'number' },
  },
} as const;

export const reportFields = {
  revenue_bn_vnd: money,
  budget_paid_bn_vnd: money,
  workers: { type: ['integer', 'null'], minimum: 0, maximum: 10_000_000 },
  avg_income_mn_vnd: { type: ['number', 'null'], minimum: 0, maximum: 99_999_999 },
} as const;

export const reportSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, project_id: { type: 'integer' }, period: { type: 'string' }, ...reportFields, version: { type: 'integer' } },
} as const;

export const violationFields = {
  description: text(2000),
  deadline: dateSchema,
  follow_up_status: { type: 'string', enum: [...FOLLOW_UP_STATUSES] },
  resolved_on: nDate,
  follow_up_note: nText(4000),
} as const;

export const violationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    inspection_id: { type: 'integer' },
    ...violationFields,
    follow_up_note: nStr,
    overdue: { type: 'boolean', description: 'Not resolved and past its deadline (as of today)' },
    version: { type: 'integer' },
  },
} as const;

export const inspectionFields = {
  project_id: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 },
  date: dateSchema,
  agency: text(300),
  scope: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...INSPECTION_SCOPES] } },
  findings: nText(8000),
} as const;

export const inspectionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    ...inspectionFields,
    project_name: nStr,
    findings: nStr,
    is_synthetic: { type: 'boolean' },
    version: { type: 'integer' },
    violations: { type: 'array', items: violationSchema },
  },
} as const;

export const slowProjectSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    cluster_name: { type: 'string' },
    name: { type: 'string' },
    investor_name: { type: 'string' },
    status: { type: 'string' },
    lease_date: dateSchema,
    months_since_lease: { type: 'integer' },
    plot_codes: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const overdueViolationSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    inspection_id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    cluster_name: { type: 'string' },
    project_id: nInt,
    project_name: nStr,
    inspection_date: dateSchema,
    agency: { type: 'string' },
    description: { type: 'string' },
    deadline: dateSchema,
    follow_up_status: { type: 'string' },
    days_overdue: { type: 'integer' },
    version: { type: 'integer' },
  },
} as const;

/** ?cluster_id=&as_of=&months= of the monthly-review lists. */
export const reviewQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cluster_id: idSchema,
    as_of: { ...dateSchema, description: 'Review date (default today)' },
    months: { type: 'integer', minimum: 1, maximum: 120, default: 12, description: 'Months after the lease without construction' },
  },
} as const;
