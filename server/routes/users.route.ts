import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../src/core/auth/permissions';
import { passwordProblem } from '../auth/secrets';
import { createApiToken, createUser } from '../auth/users';
import { writeAudit } from '../db/audit';
import { withTransaction, type Database } from '../db/database';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';

const userOut = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    display_name: { type: ['string', 'null'] },
    role: { type: 'string' },
    province_code: { type: ['string', 'null'] },
    commune_codes: { type: 'array', items: { type: 'string' } },
    cluster_ids: { type: 'array', items: { type: 'integer' } },
    must_change_password: { type: 'boolean' },
    disabled: { type: 'boolean' },
    version: { type: 'integer' },
  },
} as const;

const LIST = `SELECT id, username, display_name, role, province_code, commune_codes, cluster_ids,
  must_change_password, disabled, version FROM users ORDER BY username`;

interface NewUserBody {
  username: string;
  displayName?: string;
  password: string;
  role: (typeof ROLES)[number];
  provinceCode?: string | null;
  communeCodes?: string[];
  clusterIds?: number[];
}

/** Accounts administration (admins only). */
export function userRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/users',
    { schema: { summary: 'List accounts (admin)', tags: ['accounts'], response: { 200: { type: 'array', items: userOut } } } },
    async (req) => {
      if (req.user?.role !== 'admin') throw new HttpError(req.user ? 403 : 401, 'FORBIDDEN', 'Chỉ quản trị viên (admins only)');
      return (await db.pool.query(LIST)).rows;
    },
  );

  app.post<{ Body: NewUserBody }>(
    '/api/users',
    {
      schema: {
        summary: 'Create an account (admin)',
        tags: ['accounts'],
        body: {
          type: 'object',
          required: ['username', 'password', 'role'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[a-z0-9._-]{3,40}$' },
            displayName: { type: 'string', maxLength: 120 },
            password: { type: 'string', maxLength: 200 },
            role: { type: 'string', enum: [...ROLES] },
            provinceCode: { type: ['string', 'null'], pattern: '^\\d{2}$' },
            communeCodes: { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 12 } },
            clusterIds: { type: 'array', maxItems: 500, items: { type: 'integer', minimum: 1 } },
          },
        },
        response: { 201: { type: 'object', properties: { id: { type: 'integer' } } } },
      },
    },
    async (req, reply) => {
      const problem = passwordProblem(req.body.password);
      if (problem) throw new HttpError(400, 'WEAK_PASSWORD', problem, { field: 'password' });
      const exists = await db.pool.query('SELECT 1 FROM users WHERE username = $1', [req.body.username]);
      if (exists.rowCount) throw new HttpError(409, 'EXISTS', `Tên đăng nhập ${req.body.username} đã có (username taken)`, { field: 'username' });
      const id = await withTransaction(db.pool, async (c) => {
        const newId = await createUser(c, { ...req.body, mustChangePassword: true });
        const { password: _omit, ...after } = req.body;
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'users', entityId: newId, after });
        return newId;
      });
      return reply.status(201).send({ id });
    },
  );

  app.post<{ Params: { id: number }; Body: { name: string } }>(
    '/api/users/:id/tokens',
    {
      schema: {
        summary: 'Issue an API token (bearer) for an account; shown once (admin)',
        tags: ['accounts'],
        params: { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
        body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 80 } } },
        response: { 201: { type: 'object', properties: { token: { type: 'string' } } } },
      },
    },
    async (req, reply) => {
      const token = await withTransaction(db.pool, async (c) => {
        const u = await c.query('SELECT 1 FROM users WHERE id = $1', [req.params.id]);
        if (!u.rowCount) throw new HttpError(404, 'NOT_FOUND', `Account ${req.params.id} does not exist`);
        const t = await createApiToken(c, req.params.id, req.body.name);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'api_tokens', entityId: req.params.id, after: { name: req.body.name } });
        return t;
      });
      return reply.status(201).send({ token });
    },
  );
}
