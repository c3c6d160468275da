import { BOOLEAN_FIELDS, AREA_FIELDS, COUNT_FIELDS, DATE_FIELDS } from '../../src/core/clusters/record';
import { CLUSTER_STATUSES } from '../../src/core/clusters/status';
import { DECISION_KINDS } from '../../src/core/clusters/decisions';
import { pointSchema } from './geojson.schema';

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;
const stringArray = { type: 'array', items: { type: 'string' } } as const;

/** Properties of a cluster feature, as `GET /api/clusters` answers them. */
export const clusterPropertiesSchema = {
  type: 'object',
  required: ['id', 'name', 'status', 'declared_area_ha', 'plane_area_ha'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    status: { type: 'string', enum: [...CLUSTER_STATUSES] },
    is_craft_village: { type: 'boolean' },
    is_mountainous: { type: 'boolean' },
    investor_name: nullableString,
    investor_type: { type: ['string', 'null'], enum: ['enterprise', 'state', null] },
    industries: stringArray,
    declared_area_ha: { ...nullableNumber, description: 'Area stated by the decision, ha' },
    plane_area_ha: { ...nullableNumber, description: 'VN-2000 TM-3 plane area of the current boundary, ha' },
    ellipsoidal_area_ha: { ...nullableNumber, description: 'Area on the WGS 84 ellipsoid, ha' },
    industrial_land_ha: { ...nullableNumber, description: 'Industrial land of the approved detailed plan, ha' },
    ready_land_ha: nullableNumber,
    leased_land_ha: nullableNumber,
    investment_approved_land_ha: { ...nullableNumber, description: 'Industrial land covered by an investment approval, not leased, ha' },
    occupancy_pct: {
      ...nullableNumber,
      description:
        'Occupancy to use: leased or investment-approved ÷ industrial land of the approved detailed plan × 100 (Decree 32/2024), ' +
        'computed from the plots where the cluster has them (occupancy_source "computed"), else from the typed record ("typed")',
    },
    occupancy_source: { type: 'string', enum: ['computed', 'typed', 'none'] },
    occupancy_typed_pct: { ...nullableNumber, description: 'From the typed record: (leased + investment-approved) ÷ industrial land × 100' },
    occupancy_computed_pct: { ...nullableNumber, description: 'From the plots of the detailed plan and their leases (null without plots)' },
    projects_count: nullableInteger,
    fdi_projects_count: nullableInteger,
    operating_projects_count: nullableInteger,
    registered_capital_bn_vnd: nullableNumber,
    workers: nullableInteger,
    wwtp_built: { type: 'boolean' },
    wwtp_compliant: { type: 'boolean' },
    province_code: { type: 'string' },
    province_code_at_decision: nullableString,
    district_code_at_decision: nullableString,
    district_name: nullableString,
    commune_codes_at_decision: stringArray,
    commune_codes_current: stringArray,
    commune_names: { type: ['array', 'null'], items: { type: 'string' } },
    commune_names_current: { type: ['array', 'null'], items: { type: 'string' } },
    established_on: { ...nullableString, format: 'date' },
    detailed_plan_approved_on: { ...nullableString, format: 'date' },
    figures_as_of: { ...nullableString, format: 'date' },
    tm3_srid: { type: 'integer' },
    boundary_id: nullableInteger,
    boundary_illustrative: { type: ['boolean', 'null'] },
    boundary_versions: { type: 'integer' },
    label_point: pointSchema,
    notes: nullableString,
    version: { type: 'integer' },
    updated_at: { type: 'string' },
  },
} as const;

export const decisionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    number: { type: 'string' },
    date: { type: 'string', format: 'date' },
    issuer: { type: 'string' },
    kind: { type: 'string' },
    legal_regime: nullableString,
    summary: nullableString,
    source: { type: 'string', enum: ['public', 'illustrative', 'user'] },
    version: { type: 'integer' },
  },
} as const;

/**
 * Body of `PATCH /api/clusters/{id}`: the record's `version` plus any editable fields.
 * Types only — the rules (ranges, land figures that must nest, real dates) are checked by
 * src/core/clusters/validate.ts so the messages name the field in plain words.
 */
export const clusterPatchSchema = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1, description: 'The version you read; a stale one is answered 409 with the current state' },
    name: { type: 'string' },
    status: { type: 'string' },
    investor_name: nullableString,
    investor_type: nullableString,
    industries: stringArray,
    ...Object.fromEntries(AREA_FIELDS.map((f) => [f, nullableNumber])),
    registered_capital_bn_vnd: nullableNumber,
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, nullableNumber])),
    ...Object.fromEntries(BOOLEAN_FIELDS.map((f) => [f, { type: 'boolean' }])),
    ...Object.fromEntries(DATE_FIELDS.map((f) => [f, { ...nullableString, description: 'YYYY-MM-DD' }])),
    province_code_at_decision: nullableString,
    district_code_at_decision: nullableString,
    commune_codes_at_decision: stringArray,
    commune_codes_current: stringArray,
    notes: nullableString,
  },
} as const;

/** Body of a decision create / edit (edit also carries `version`). */
export const decisionBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['number', 'date', 'issuer', 'kind'],
  properties: {
    number: { type: 'string', description: 'e.g. 502/QĐ-UBND' },
    date: { type: 'string', description: 'YYYY-MM-DD' },
    issuer: { type: 'string', description: 'e.g. UBND tỉnh Lạng Sơn' },
    kind: { type: 'string', enum: [...DECISION_KINDS] },
    legal_regime: nullableString,
    summary: nullableString,
  },
} as const;
