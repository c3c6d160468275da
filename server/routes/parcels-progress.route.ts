import type { FastifyInstance } from 'fastify';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { OVERDUE_KINDS } from '../../src/core/clearance/deadlines';
import { BLOCKING_FLAGS, PARCEL_STATUSES } from '../../src/core/clearance/steps';
import { clusterProgress, clusterTimeline, provinceProgress } from '../clearance/progress';
import { dateSchema, errors, idSchema } from '../clearance/schemas';
import type { Database } from '../db/database';
import { HttpError } from '../errors';

const num = { type: 'number' } as const;
const figures = { type: 'object', properties: { parcels: num, areaHa: num, households: num } } as const;
const counts = (keys: readonly string[]) => ({ type: 'object', properties: Object.fromEntries(keys.map((k) => [k, num])) }) as const;

/** src/core/clearance/progress.ts Progress. */
export const progressSchema = {
  type: 'object',
  properties: {
    parcels: num, areaHa: num, households: num, notInPlan: num,
    handedOver: { type: 'object', properties: { parcels: num, areaHa: num, pctArea: num, households: num } },
    byStatus: { type: 'object', properties: Object.fromEntries(PARCEL_STATUSES.map((s) => [s, figures])) },
    money: { type: 'object', properties: { proposed: num, approved: num, paid: num, pctPaidOfApproved: num } },
    graves: { type: 'object', properties: { total: num, relocated: num } },
    overdue: counts(OVERDUE_KINDS),
    flags: counts(BLOCKING_FLAGS),
  },
} as const;

const query = {
  type: 'object',
  additionalProperties: false,
  properties: { cluster_id: idSchema, as_of: { ...dateSchema, description: 'Figures as of this date (replayed from the event history)' } },
} as const;

async function clusterName(db: Database, id: number): Promise<string> {
  const { rows } = await db.pool.query<{ name: string }>('SELECT name FROM clusters WHERE id = $1', [id]);
  if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `Cluster ${id} does not exist`);
  return rows[0].name;
}

export function parcelProgressRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id?: number; as_of?: string } }>(
    '/api/clearance/progress',
    {
      schema: {
        summary: 'Clearance progress of a cluster, or of every cluster of the province with the total',
        tags: ['clearance'],
        querystring: query,
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              cluster_id: { type: ['integer', 'null'] },
              cluster_name: { type: ['string', 'null'] },
              progress: progressSchema,
              clusters: { type: 'array', items: { type: 'object', properties: { cluster_id: { type: 'integer' }, cluster_name: { type: 'string' }, progress: progressSchema } } },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const today = todayInVietnam();
      const asOf = req.query.as_of && req.query.as_of < today ? req.query.as_of : today;
      if (req.query.cluster_id) {
        const name = await clusterName(db, req.query.cluster_id);
        const { progress } = await clusterProgress(db.pool, req.query.cluster_id, asOf);
        return { as_of: asOf, cluster_id: req.query.cluster_id, cluster_name: name, progress };
      }
      const { clusters, total } = await provinceProgress(db.pool, asOf);
      return { as_of: asOf, cluster_id: null, cluster_name: null, progress: total, clusters };
    },
  );

  app.get<{ Querystring: { cluster_id: number } }>(
    '/api/clearance/timeline',
    {
      schema: {
        summary: 'Month-end clearance figures of a cluster (progress over time)',
        tags: ['clearance'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema } },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                month: { type: 'string' }, date: { type: 'string' }, handedOverHa: num, pctArea: num, approved: num, paid: num,
                parcelsByStep: { type: 'array', items: num }, notInPlan: num,
              },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      await clusterName(db, req.query.cluster_id);
      return clusterTimeline(db.pool, req.query.cluster_id);
    },
  );
}
