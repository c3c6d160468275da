import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';

interface AuditQuery {
  entity?: string;
  entity_id?: string;
  limit: number;
  offset: number;
  format?: 'json' | 'csv';
}

const AUDIT = `SELECT id, at, actor, action, entity, entity_id, before, after FROM audit_log
  WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
  ORDER BY id DESC LIMIT $3 OFFSET $4`;

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The audit trail (read-only: the log is append-only), per record or whole, as JSON or CSV. */
export function auditRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      schema: {
        summary: 'Audit trail: who changed what, when, before and after (signed-in users)',
        tags: ['accounts'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            entity: { type: 'string', maxLength: 60 },
            entity_id: { type: 'string', maxLength: 60 },
            limit: { type: 'integer', minimum: 1, maximum: 10000, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
            format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
          },
        },
      },
    },
    async (req, reply) => {
      if (!req.user) throw new HttpError(401, 'UNAUTHENTICATED', 'Cần đăng nhập (sign in required)');
      const q = req.query;
      const { rows } = await db.pool.query(AUDIT, [q.entity ?? null, q.entity_id ?? null, q.limit, q.offset]);
      if (q.format === 'csv') {
        const cols = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'] as const;
        const lines = [cols.join(','), ...rows.map((r: Record<string, unknown>) => cols.map((c) => csvCell(r[c])).join(','))];
        return reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', 'attachment; filename="nhat-ky-thay-doi.csv"')
          .send(`\uFEFF${lines.join('\r\n')}\r\n`);
      }
      return { items: rows };
    },
  );
}
