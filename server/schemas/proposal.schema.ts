/** JSON Schemas of proposals and boundary versions (validation and OpenAPI). */

export const polygonGeometryInput = {
  type: 'object',
  required: ['type', 'coordinates'],
  additionalProperties: true,
  description: 'GeoJSON Polygon or MultiPolygon, EPSG:4326 (lon, lat)',
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', maxItems: 10000 },
  },
} as const;

export const proposalPropertiesSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    note: { type: ['string', 'null'] },
    origin: { type: 'string', enum: ['draw', 'table', 'import', 'trim'] },
    cluster_id: { type: ['integer', 'null'] },
    tm3_srid: { type: 'integer' },
    source_file: { type: ['string', 'null'] },
    version: { type: 'integer' },
    created_by: { type: 'string' },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    plane_area_ha: { type: 'number' },
    ellipsoidal_area_ha: { type: 'number' },
  },
} as const;

export const proposalCreateSchema = {
  type: 'object',
  required: ['name', 'origin', 'geometry'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    note: { type: ['string', 'null'], maxLength: 4000 },
    origin: { type: 'string', enum: ['draw', 'table', 'import', 'trim'] },
    cluster_id: { type: ['integer', 'null'], minimum: 1 },
    tm3_srid: { type: 'integer', description: 'TM-3 zone for plane areas; detected from the province when omitted' },
    source_file: { type: ['string', 'null'], maxLength: 300 },
    geometry: polygonGeometryInput,
  },
} as const;

export const proposalUpdateSchema = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    note: { type: ['string', 'null'], maxLength: 4000 },
    tm3_srid: { type: 'integer' },
    geometry: polygonGeometryInput,
  },
} as const;

export const boundaryVersionCreateSchema = {
  type: 'object',
  required: ['geometry', 'decision_id'],
  additionalProperties: false,
  properties: {
    geometry: polygonGeometryInput,
    decision_id: { type: 'integer', minimum: 1, description: 'The decision that fixes this boundary (must belong to the cluster)' },
    valid_from: { type: 'string', format: 'date', description: 'Defaults to the decision date' },
    note: { type: ['string', 'null'], maxLength: 4000 },
    is_illustrative: { type: 'boolean', default: false },
    cluster_version: { type: 'integer', minimum: 1, description: 'The cluster version the client saw (409 when stale)' },
    proposal_id: { type: 'integer', minimum: 1, description: 'The proposal this boundary comes from (kept, linked in the audit log)' },
  },
} as const;

export const repairNoteSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' }, message_vi: { type: 'string' } },
} as const;
