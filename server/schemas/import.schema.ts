/** JSON Schemas of the import answer (also in the OpenAPI document). */

const whereSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    part: { type: 'integer' },
    ring: { type: 'integer' },
    vertex: { type: 'integer' },
    point: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
  },
} as const;

export const noteSchema = {
  type: 'object',
  required: ['code', 'message', 'message_vi'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    message_vi: { type: 'string' },
    where: whereSchema,
    count: { type: 'integer' },
    area_m2: { type: 'number' },
  },
} as const;

export const importedFeatureSchema = {
  type: 'object',
  required: ['index', 'status', 'geometry', 'repairs', 'issues'],
  properties: {
    index: { type: 'integer' },
    name: { type: ['string', 'null'] },
    properties: { type: 'object', additionalProperties: true },
    status: { type: 'string', enum: ['ok', 'repaired', 'refused'] },
    geometry: { type: ['object', 'null'], additionalProperties: true },
    tm3_srid: { type: ['integer', 'null'] },
    province: { type: ['string', 'null'] },
    plane_area_ha: { type: ['number', 'null'] },
    ellipsoidal_area_ha: { type: ['number', 'null'] },
    perimeter_m: { type: ['number', 'null'] },
    repairs: { type: 'array', items: noteSchema },
    issues: { type: 'array', items: noteSchema },
  },
} as const;

export const importResultSchema = {
  type: 'object',
  required: ['format', 'crs', 'warnings', 'summary', 'features'],
  properties: {
    filename: { type: 'string' },
    format: { type: 'string', enum: ['geojson', 'kml', 'kmz', 'shapefile', 'csv'] },
    crs: {
      type: 'object',
      properties: { epsg: { type: 'integer' }, name: { type: 'string' }, source: { type: 'string' } },
    },
    warnings: { type: 'array', items: { type: 'string' } },
    summary: {
      type: 'object',
      properties: { total: { type: 'integer' }, ok: { type: 'integer' }, repaired: { type: 'integer' }, refused: { type: 'integer' } },
    },
    features: { type: 'array', items: importedFeatureSchema },
  },
} as const;
