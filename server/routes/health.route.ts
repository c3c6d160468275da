import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Service and database status',
        tags: ['system'],
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ok'] },
              db: {
                type: 'object',
                properties: {
                  backend: { type: 'string', enum: ['embedded', 'postgis'] },
                  postgis: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const { rows } = await db.pool.query<{ v: string }>('SELECT postgis_lib_version() AS v');
      return { status: 'ok', db: { backend: db.backend, postgis: rows[0]!.v } };
    },
  );
}
