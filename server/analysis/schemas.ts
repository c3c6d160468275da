/** JSON Schemas of the analysis routes (validation and the OpenAPI document). */

const id = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const free = { type: 'object', additionalProperties: true } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

/** The boundary: checked shallowly here (type), fully by validateBoundary before PostGIS. */
export const boundarySchema = {
  type: 'object',
  description: 'GeoJSON Polygon or MultiPolygon, EPSG:4326 (lon, lat)',
  required: ['type', 'coordinates'],
  additionalProperties: true,
  properties: { type: { type: 'string' } },
} as const;

export const ruleOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { type: 'string', format: 'date', description: 'Date the legal regime is chosen for (default: today)' },
    ruleSet: { type: 'string', maxLength: 60, description: 'Force a rule set by id (e.g. the unverified 2026 draft)' },
    kind: { type: 'string', enum: ['new', 'expansion'] },
    mountainous: { type: 'boolean', description: 'Mountainous district (5–75 ha band)' },
    craftVillage: { type: 'boolean', description: 'Craft-village cluster (5–75 ha band)' },
    plannedAreaHa: { type: 'number', minimum: 0, maximum: 100000, description: 'Area in the development plan (+5 ha rule)' },
    excludeClusterId: { ...id, description: 'The cluster this boundary redraws: left out of conflicts; its plan area and flags are used' },
    expandsClusterId: { ...id, description: 'The cluster being expanded (kind = expansion)' },
    occupancyScope: { type: 'string', enum: ['district', 'former_district', 'commune', 'province'] },
    safetyDistancesM: {
      type: 'object',
      additionalProperties: false,
      properties: {
        residential: { type: 'number', minimum: 0, maximum: 10000 },
        relics: { type: 'number', minimum: 0, maximum: 10000 },
        water: { type: 'number', minimum: 0, maximum: 10000 },
      },
    },
    infrastructure: {
      type: 'object',
      additionalProperties: false,
      properties: { roads: { type: 'boolean' }, waterSupply: { type: 'boolean' }, wastewater: { type: 'boolean' } },
    },
    includeGeometry: { type: 'boolean', description: 'Return overlap geometries (default true)' },
  },
} as const;

const subjectProperties = {
  geometry: boundarySchema,
  clusterId: id,
  proposalId: id,
  name: { type: 'string', maxLength: 300 },
  srid: { type: 'integer', description: 'VN-2000 TM-3 EPSG code (default: the province’s)' },
} as const;

export const conflictRequestSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Exactly one of geometry, clusterId, proposalId',
  properties: { ...subjectProperties, options: ruleOptionsSchema },
} as const;

export const reportRequestSchema = {
  ...conflictRequestSchema,
  properties: { ...conflictRequestSchema.properties, format: { type: 'string', enum: ['pdf', 'xlsx'] } },
} as const;

export const trimRequestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...subjectProperties,
    options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        excludeNeedsApproval: { type: 'boolean', description: 'Also leave out rice land and production forest' },
        minPartHa: { type: 'number', minimum: 0, maximum: 100 },
        date: { type: 'string', format: 'date' },
        mountainous: { type: 'boolean' },
        craftVillage: { type: 'boolean' },
      },
    },
  },
} as const;

export const compareRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      minItems: 2,
      maxItems: 4,
      items: { type: 'object', additionalProperties: false, properties: { ...subjectProperties, label: { type: 'string', maxLength: 200 }, options: ruleOptionsSchema } },
    },
    options: ruleOptionsSchema,
  },
} as const;

const ruleResultSchema = {
  type: 'object',
  properties: {
    ruleId: { type: 'string' },
    title: free,
    article: free,
    status: { type: 'string', enum: ['pass', 'warn', 'fail', 'not_applicable'] },
    numbers: free,
    message: free,
    notes: { type: 'array', items: free },
    regime: free,
  },
} as const;

const featureOverlapSchema = {
  type: 'object',
  properties: {
    id: { type: ['integer', 'string'] },
    layerId: { type: 'string' },
    landCode: { type: 'string' },
    originalCode: { type: ['string', 'null'] },
    name: { type: ['string', 'null'] },
    severity: { type: 'string' },
    overlapHa: { type: 'number' },
    geometry: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

export const overlapTableSchema = {
  type: 'object',
  properties: {
    clusterHa: { type: 'number' },
    layers: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          layerId: { type: 'string' },
          coveredHa: { type: 'number' },
          uncoveredHa: { type: 'number' },
          codes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                layerId: { type: 'string' },
                landCode: { type: 'string' },
                severity: { type: 'string' },
                overlapHa: { type: 'number' },
                pct: { type: 'number' },
                features: { type: 'array', items: featureOverlapSchema },
              },
            },
          },
        },
      },
    },
    severities: { type: 'array', items: { type: 'object', properties: { severity: { type: 'string' }, overlapHa: { type: 'number' }, pct: { type: 'number' } } } },
  },
} as const;

export const conflictResponseSchema = {
  type: 'object',
  properties: {
    subject: free,
    srid: { type: 'integer' },
    date: { type: 'string' },
    area: { type: 'object', properties: { planeHa: { type: 'number' }, ellipsoidalHa: { type: 'number' } } },
    labelPoint: { type: ['object', 'null'], additionalProperties: true },
    table: overlapTableSchema,
    layers: { type: 'array', items: free },
    rules: { type: 'array', items: ruleResultSchema },
    overall: { type: 'string' },
    regime: free,
    inputs: free,
    dataVersions: free,
    geometry: { type: 'object', additionalProperties: true },
    timingMs: { type: 'number' },
  },
} as const;

export const trimResponseSchema = {
  type: 'object',
  properties: {
    geometry: { type: ['object', 'null'], additionalProperties: true },
    originalHa: { type: 'number' },
    areaHa: { type: 'number' },
    ellipsoidalHa: { type: 'number' },
    removedHa: { type: 'number' },
    droppedParts: { type: 'integer' },
    droppedHa: { type: 'number' },
    parts: { type: 'integer' },
    removedCodes: { type: 'array', items: { type: 'string' } },
    meetsMinimum: { type: 'boolean' },
    areaRule: ruleResultSchema,
  },
} as const;

export const compareResponseSchema = {
  type: 'object',
  properties: {
    scenarios: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          label: { type: 'string' },
          subject: free,
          area: free,
          severities: { type: 'array', items: free },
          byLayer: { type: 'array', items: free },
          rules: { type: 'array', items: free },
          overall: { type: 'string' },
          parcels: {
            type: 'object',
            properties: {
              available: { type: 'boolean' },
              parcels: { type: ['integer', 'null'] },
              households: { type: ['integer', 'null'] },
              overlapHa: nullableNumber,
              compensationVnd: nullableNumber,
              parcelsWithoutFigures: { type: ['integer', 'null'] },
              note: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
