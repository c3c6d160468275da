import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { errorSchema, featureCollectionSchema, geometrySchema, rowToFeature } from '../schemas/geojson.schema';
import { boundaryDiff, boundaryVersions, versionsOfCluster } from '../sql/boundary-versions.sql';
import { clusterExists } from '../sql/decisions.sql';

const int32 = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const nullableNumber = { type: ['number', 'null'] } as const;

const versionProperties = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    cluster_id: { type: 'integer' },
    version_no: { type: 'integer', description: '1 = oldest' },
    decision_id: { type: ['integer', 'null'] },
    decision_number: { type: ['string', 'null'] },
    decision_date: { type: ['string', 'null'] },
    decision_kind: { type: ['string', 'null'] },
    valid_from: { type: ['string', 'null'] },
    valid_to: { type: ['string', 'null'] },
    is_current: { type: 'boolean' },
    is_illustrative: { type: 'boolean' },
    note: { type: ['string', 'null'] },
    plane_area_ha: { type: 'number', description: 'VN-2000 TM-3 plane area, ha' },
    ellipsoidal_area_ha: { type: 'number' },
  },
} as const;

const diffPart = {
  type: 'object',
  properties: { plane_area_ha: { type: 'number' }, ellipsoidal_area_ha: { type: 'number' }, geometry: geometrySchema },
} as const;

/** Reading a cluster's boundary history: every version, and what changed between two. */
export function boundaryVersionRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: number } }>(
    '/api/clusters/:id/boundaries',
    {
      schema: {
        summary: 'Every boundary version of a cluster (oldest first), each with its decision and plane/ellipsoidal area',
        tags: ['boundaries'],
        params: { type: 'object', required: ['id'], properties: { id: int32 } },
        response: { 200: featureCollectionSchema(versionProperties), 404: errorSchema },
      },
    },
    async (req) => {
      if (!(await db.pool.query(clusterExists, [req.params.id])).rowCount)
        throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
      const { rows } = await db.pool.query<{ id: number; geometry: unknown }>(boundaryVersions, [req.params.id]);
      return { type: 'FeatureCollection', features: rows.map((r) => rowToFeature(r, r.id)) };
    },
  );

  app.get<{ Params: { id: number }; Querystring: { from: number; to: number } }>(
    '/api/clusters/:id/boundaries/diff',
    {
      schema: {
        summary: 'Area added and removed between two boundary versions of a cluster (plane and ellipsoidal ha)',
        tags: ['boundaries'],
        params: { type: 'object', required: ['id'], properties: { id: int32 } },
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: { ...int32, description: 'older version id' }, to: { ...int32, description: 'newer version id' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              cluster_id: { type: 'integer' },
              from: { type: 'integer' },
              to: { type: 'integer' },
              added: diffPart,
              removed: diffPart,
              kept_plane_ha: nullableNumber,
              net_plane_ha: { type: 'number', description: 'added − removed, TM-3 plane' },
            },
          },
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const { id } = req.params;
      const { from, to } = req.query;
      if (!(await db.pool.query(clusterExists, [id])).rowCount) throw new HttpError(404, 'NOT_FOUND', `Cluster ${id} does not exist`);
      const found = new Set((await db.pool.query<{ id: number }>(versionsOfCluster, [id, [from, to]])).rows.map((r) => r.id));
      for (const [name, v] of [['from', from], ['to', to]] as const)
        if (!found.has(v)) throw new HttpError(404, 'NOT_FOUND', `${name}: boundary version ${v} is not a version of cluster ${id}`);
      const r = (await db.pool.query(boundaryDiff, [id, from, to])).rows[0] as Record<string, number | null | object>;
      const n = (k: string) => (r[k] as number | null) ?? 0;
      return {
        cluster_id: id,
        from,
        to,
        added: { plane_area_ha: n('added_plane_ha'), ellipsoidal_area_ha: n('added_ellipsoidal_ha'), geometry: r.added_geometry ?? null },
        removed: { plane_area_ha: n('removed_plane_ha'), ellipsoidal_area_ha: n('removed_ellipsoidal_ha'), geometry: r.removed_geometry ?? null },
        kept_plane_ha: (r.kept_plane_ha as number | null) ?? null,
        net_plane_ha: Math.round((n('added_plane_ha') - n('removed_plane_ha')) * 10_000) / 10_000,
      };
    },
  );
}
