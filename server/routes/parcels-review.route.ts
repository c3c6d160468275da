import type { FastifyInstance } from 'fastify';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { buildReview } from '../clearance/review';
import { errors, idSchema } from '../clearance/schemas';
import type { Database } from '../db/database';
import { HttpError } from '../errors';

export function parcelReviewRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id?: number; month?: string } }>(
    '/api/clearance/review.xlsx',
    {
      schema: {
        summary: 'Monthly review of land clearance (XLSX, Vietnamese): summary by cluster, steps, obstacles, overdue items, the month\'s transitions',
        tags: ['clearance'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            cluster_id: idSchema,
            month: { type: 'string', pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (default: the current month)' },
          },
        },
        response: { 200: { type: 'string', format: 'binary', description: 'XLSX workbook' }, ...errors },
      },
    },
    async (req, reply) => {
      const today = todayInVietnam();
      const month = req.query.month ?? today.slice(0, 7);
      if (month > today.slice(0, 7)) throw new HttpError(422, 'FUTURE_MONTH', `month: ${month} has not started yet`, { field: 'month' });
      if (req.query.cluster_id) {
        const c = await db.pool.query('SELECT 1 FROM clusters WHERE id = $1', [req.query.cluster_id]);
        if (!c.rowCount) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.query.cluster_id} does not exist`);
      }
      const { workbook } = await buildReview(db.pool, { clusterId: req.query.cluster_id, month });
      const buf = Buffer.from(await workbook.xlsx.writeBuffer());
      const name = `bao-cao-gpmb-${month}${req.query.cluster_id ? `-cum-${req.query.cluster_id}` : ''}.xlsx`;
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .send(buf);
    },
  );
}
