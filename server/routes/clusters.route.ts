import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { clusterPropertiesSchema, decisionSchema } from '../schemas/cluster.schema';
import { errorSchema, featureCollectionSchema, featureSchema, rowToFeature } from '../schemas/geojson.schema';
import { clusterDecisions, getCluster, listClusters } from '../sql/clusters.sql';

interface ClusterRow {
  id: number;
  geometry: unknown;
  [k: string]: unknown;
}

export function clusterRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/clusters',
    {
      schema: {
        summary: 'All clusters with their current boundary (GeoJSON, EPSG:4326)',
        tags: ['clusters'],
        response: { 200: featureCollectionSchema(clusterPropertiesSchema) },
      },
    },
    async () => {
      const { rows } = await db.pool.query<ClusterRow>(listClusters);
      return { type: 'FeatureCollection', features: rows.map((r) => rowToFeature(r, r.id)) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/clusters/:id',
    {
      schema: {
        summary: 'One cluster with its record and decisions timeline',
        tags: ['clusters'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
        response: {
          200: {
            ...featureSchema(clusterPropertiesSchema),
            properties: {
              ...featureSchema(clusterPropertiesSchema).properties,
              decisions: { type: 'array', items: decisionSchema },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const { rows } = await db.pool.query<ClusterRow>(getCluster, [req.params.id]);
      const row = rows[0];
      if (!row) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
      const decisions = await db.pool.query(clusterDecisions, [row.id]);
      return { ...rowToFeature(row, row.id), decisions: decisions.rows };
    },
  );
}
