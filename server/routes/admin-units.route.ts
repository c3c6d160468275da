import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { featureCollectionSchema, pointSchema, rowToFeature } from '../schemas/geojson.schema';
import { listAdminUnits } from '../sql/admin-units.sql';

const LEVELS = ['province', 'district', 'commune'] as const;

export function adminUnitRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { level: (typeof LEVELS)[number] } }>(
    '/api/admin-units',
    {
      schema: {
        summary: 'Administrative units of one level (province, legacy district, commune)',
        tags: ['reference'],
        querystring: {
          type: 'object',
          required: ['level'],
          additionalProperties: false,
          properties: { level: { type: 'string', enum: [...LEVELS] } },
        },
        response: {
          200: featureCollectionSchema({
            type: 'object',
            properties: {
              code: { type: 'string' },
              level: { type: 'string' },
              name: { type: 'string' },
              full_name: { type: 'string' },
              parent_code: { type: ['string', 'null'] },
              valid_from: { type: ['string', 'null'] },
              valid_to: { type: ['string', 'null'] },
              label_point: pointSchema,
            },
          }),
        },
      },
    },
    async (req, reply) => {
      const { rows } = await db.pool.query<{ code: string; geometry: unknown }>(listAdminUnits, [req.query.level]);
      reply.header('Cache-Control', 'public, max-age=300');
      return { type: 'FeatureCollection', features: rows.map((r) => rowToFeature(r, r.code)) };
    },
  );
}
