import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { parseBbox } from '../http/bbox';
import { errorSchema, featureCollectionSchema, rowToFeature } from '../schemas/geojson.schema';
import { listPlanLayers, planLayerExists, planZonesOfLayer } from '../sql/plan.sql';

const planLayerSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name_vi: { type: 'string' },
    name_en: { type: 'string' },
    kind: { type: 'string' },
    source: { type: ['string', 'null'] },
    is_synthetic: { type: 'boolean' },
    valid_from: { type: ['string', 'null'] },
    sort_order: { type: 'integer' },
    zone_count: { type: 'integer' },
  },
} as const;

const zonePropertiesSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    layer_id: { type: 'string' },
    land_code: { type: 'string', description: 'Land-use code (Circular 08/2024/TT-BTNMT)' },
    original_code: { type: ['string', 'null'], description: 'Code as printed on the source map (legacy codes kept)' },
    name: { type: ['string', 'null'] },
    properties: { type: 'object', additionalProperties: true },
    area_ha: { type: 'number', description: 'Ellipsoidal area, ha' },
  },
} as const;

export function planRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/plan-layers',
    {
      schema: {
        summary: 'Provincial plan layers (land use, forest, corridors, industrial, relics) with zone counts',
        tags: ['plan'],
        response: { 200: { type: 'array', items: planLayerSchema } },
      },
    },
    async () => (await db.pool.query(listPlanLayers)).rows,
  );

  app.get<{ Params: { id: string }; Querystring: { bbox?: string } }>(
    '/api/plan-layers/:id/zones',
    {
      schema: {
        summary: 'Zones of one plan layer as GeoJSON (EPSG:4326), optionally within a bbox',
        tags: ['plan'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z0-9_]{1,40}$' } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { bbox: { type: 'string', description: 'minLon,minLat,maxLon,maxLat' } },
        },
        response: { 200: featureCollectionSchema(zonePropertiesSchema), 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const bbox = parseBbox(req.query.bbox);
      const exists = await db.pool.query(planLayerExists, [req.params.id]);
      if (!exists.rowCount) throw new HttpError(404, 'NOT_FOUND', `Plan layer ${req.params.id} does not exist`);
      const { rows } = await db.pool.query<{ id: number; geometry: unknown }>(planZonesOfLayer, [req.params.id, ...(bbox ?? [null, null, null, null])]);
      reply.header('Cache-Control', 'public, max-age=60');
      return { type: 'FeatureCollection', features: rows.map((r) => rowToFeature(r, r.id)) };
    },
  );
}
