/** JSON Schemas shared by routes that answer GeoJSON (also used in the OpenAPI document). */

export const geometrySchema = {
  type: ['object', 'null'],
  description: 'GeoJSON geometry, EPSG:4326 (lon, lat)',
  additionalProperties: true,
  properties: { type: { type: 'string' } },
} as const;

export const pointSchema = {
  type: ['object', 'null'],
  additionalProperties: true,
  properties: { type: { type: 'string' } },
} as const;

export function featureSchema(properties: object) {
  return {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: ['integer', 'string'] },
      geometry: geometrySchema,
      properties,
    },
  } as const;
}

export function featureCollectionSchema(properties: object) {
  return {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: featureSchema(properties) },
    },
  } as const;
}

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: {},
      },
    },
  },
} as const;

/** Turns a row with `geometry` into a GeoJSON Feature, the rest as properties. */
export function rowToFeature<R extends { geometry: unknown }>(row: R, id?: number | string) {
  const { geometry, ...properties } = row;
  return { type: 'Feature' as const, ...(id !== undefined ? { id } : {}), geometry: geometry ?? null, properties };
}
