import { CLUSTER_STATUSES } from '../../src/core/clusters/status';
import { pointSchema } from './geojson.schema';

const nullableNumber = { type: ['number', 'null'] } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const nullableString = { type: ['string', 'null'] } as const;

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
    industries: { type: 'array', items: { type: 'string' } },
    declared_area_ha: { ...nullableNumber, description: 'Area stated by the decision, ha' },
    plane_area_ha: { ...nullableNumber, description: 'VN-2000 TM-3 plane area of the current boundary, ha' },
    ellipsoidal_area_ha: { ...nullableNumber, description: 'Area on the WGS 84 ellipsoid, ha' },
    industrial_land_ha: nullableNumber,
    ready_land_ha: nullableNumber,
    leased_land_ha: nullableNumber,
    projects_count: nullableInteger,
    fdi_projects_count: nullableInteger,
    operating_projects_count: nullableInteger,
    registered_capital_bn_vnd: nullableNumber,
    workers: nullableInteger,
    wwtp_built: { type: 'boolean' },
    wwtp_compliant: { type: 'boolean' },
    province_code: { type: 'string' },
    district_code_at_decision: nullableString,
    district_name: nullableString,
    commune_codes_at_decision: { type: 'array', items: { type: 'string' } },
    commune_codes_current: { type: 'array', items: { type: 'string' } },
    commune_names: { type: ['array', 'null'], items: { type: 'string' } },
    tm3_srid: { type: 'integer' },
    boundary_illustrative: { type: ['boolean', 'null'] },
    label_point: pointSchema,
    notes: nullableString,
    version: { type: 'integer' },
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
  },
} as const;
