import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { assertVersion, guardCluster, mapDbError, todayVn } from '../plots/write';
import { errorSchema } from '../schemas/geojson.schema';
import { idParams, idSchema, projectFields, projectSchema, reportFields, reportSchema, reviewQuery, slowProjectSchema, versionSchema } from '../schemas/plots.schema';
import {
  activePlotCount, deleteProject, deleteReport, insertProject, lockProject, PROJECT_COLUMNS, projectById, projectRowForMerge,
  projectsOfCluster, releaseProjectPlots, reportOf, slowProjects, updateProject, upsertReport, type ProjectColumn,
} from '../sql/projects.sql';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
type ProjectValues = Partial<Record<ProjectColumn, string | number | null>>;
const periodParams = {
  type: 'object',
  required: ['id', 'period'],
  properties: { id: idSchema, period: { type: 'string', pattern: '^(19|20)[0-9]{2}(-H1)?$', description: 'YYYY-H1 (6 months) or YYYY (year)' } },
} as const;

/** Cross-field rules the schema cannot state; refused with the field named. */
function checkProject(v: ProjectValues): void {
  const lt = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a < b;
  if (lt(v.lease_end_date, v.lease_contract_date) || (v.lease_end_date && v.lease_end_date === v.lease_contract_date))
    throw new HttpError(422, 'INVALID_DATES', 'lease_end_date must be after lease_contract_date', { field: 'lease_end_date' });
  if (lt(v.operation_start, v.construction_start))
    throw new HttpError(422, 'INVALID_DATES', 'operation_start must not precede construction_start', { field: 'operation_start' });
  const reg = v.registered_capital_bn_vnd, dis = v.disbursed_capital_bn_vnd;
  if (typeof reg === 'number' && typeof dis === 'number' && dis > reg)
    throw new HttpError(422, 'INVALID_CAPITAL', 'disbursed_capital_bn_vnd exceeds registered_capital_bn_vnd', { field: 'disbursed_capital_bn_vnd' });
}

async function projectState(q: pg.Pool | pg.PoolClient, id: number) {
  return (await q.query(projectById, [id])).rows[0] ?? null;
}

async function lockedProject(c: pg.PoolClient, id: number) {
  const r = (await c.query<{ id: number; cluster_id: number; name: string; status: string; version: number }>(lockProject, [id])).rows[0];
  if (!r) throw new HttpError(404, 'NOT_FOUND', `Project ${id} does not exist`);
  return r;
}

export function projectRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id: number } }>(
    '/api/projects',
    {
      schema: {
        summary: 'Tenant projects of a cluster (Biểu 01, Circular 14/2024/TT-BCT) with their plots and period figures',
        tags: ['projects'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema } },
        response: { 200: { type: 'array', items: { ...projectSchema, properties: { ...projectSchema.properties, reports: { type: 'array', items: reportSchema } } } }, ...errors },
      },
    },
    async (req) => (await db.pool.query(projectsOfCluster, [req.query.cluster_id])).rows,
  );

  app.get<{ Querystring: { cluster_id?: number; as_of?: string; months: number } }>(
    '/api/projects/slow',
    {
      schema: {
        summary: 'Slow projects for the monthly review: no construction N months (default 12) after the lease',
        tags: ['projects'],
        querystring: reviewQuery,
        response: { 200: { type: 'array', items: slowProjectSchema }, ...errors },
      },
    },
    async (req) => (await db.pool.query(slowProjects, [req.query.cluster_id ?? null, req.query.months, req.query.as_of ?? todayVn()])).rows,
  );

  app.get<{ Params: { id: number } }>(
    '/api/projects/:id',
    {
      schema: {
        summary: 'One project with its plots and period figures',
        tags: ['projects'],
        params: idParams,
        response: { 200: { ...projectSchema, properties: { ...projectSchema.properties, reports: { type: 'array', items: reportSchema } } }, ...errors },
      },
    },
    async (req) => {
      const p = await projectState(db.pool, req.params.id);
      if (!p) throw new HttpError(404, 'NOT_FOUND', `Project ${req.params.id} does not exist`);
      return p;
    },
  );

  app.post<{ Body: ProjectValues & { cluster_id: number } }>(
    '/api/projects',
    {
      schema: {
        summary: 'Add a tenant project to a cluster',
        tags: ['projects'],
        body: {
          type: 'object',
          required: ['cluster_id', 'name', 'investor_name', 'capital_origin', 'status'],
          additionalProperties: false,
          properties: { cluster_id: idSchema, ...projectFields },
        },
        response: { 201: projectSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      checkProject(b);
      const created = await withTransaction(db.pool, async (c) => {
        await guardCluster(req, c, b.cluster_id);
        const { rows } = await c.query<{ id: number }>(insertProject, [b.cluster_id, ...PROJECT_COLUMNS.map((k) => b[k] ?? null)]).catch(mapDbError);
        const after = await projectState(c, rows[0]!.id);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'project', entityId: rows[0]!.id, after });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: number }; Body: ProjectValues & { version: number } }>(
    '/api/projects/:id',
    {
      schema: {
        summary: 'Change a project (optimistic locking); setting status terminated releases its plots',
        tags: ['projects'],
        params: idParams,
        body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema, ...projectFields } },
        response: { 200: projectSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return withTransaction(db.pool, async (c) => {
        const p = await lockedProject(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Project', p.name, version, p.version, () => projectState(c, p.id));
        const current = (await c.query<ProjectValues>(projectRowForMerge, [p.id])).rows[0]!;
        const merged: ProjectValues = { ...current, ...patch };
        checkProject(merged);
        const before = await projectState(c, p.id);
        await c.query(updateProject, [p.id, ...PROJECT_COLUMNS.map((k) => merged[k] ?? null)]).catch(mapDbError);
        if (merged.status === 'terminated' && p.status !== 'terminated') {
          const released = await c.query<{ plot_id: number }>(releaseProjectPlots, [p.id, todayVn()]);
          for (const r of released.rows) await c.query('UPDATE plots SET version = version + 1, updated_at = now() WHERE id = $1', [r.plot_id]);
        }
        const after = await projectState(c, p.id);
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'project', entityId: p.id, before, after });
        return after;
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/projects/:id',
    {
      schema: {
        summary: 'Remove a project that holds no plot (terminate it instead to keep its history)',
        tags: ['projects'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const p = await lockedProject(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Project', p.name, req.query.version, p.version, () => projectState(c, p.id));
        const held = (await c.query<{ n: number }>(activePlotCount, [p.id])).rows[0]!.n;
        if (held > 0) throw new HttpError(409, 'PROJECT_HOLDS_PLOTS', `Project ${p.name} holds ${held} plot(s): release them or terminate the project`);
        const before = await projectState(c, p.id);
        await c.query(deleteProject, [p.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'project', entityId: p.id, before });
      });
      return reply.status(204).send();
    },
  );

  app.put<{ Params: { id: number; period: string }; Body: Record<string, number | null> & { version?: number } }>(
    '/api/projects/:id/reports/:period',
    {
      schema: {
        summary: 'Record a project’s figures for a period (revenue, budget paid, workers, average income); version required to overwrite',
        tags: ['projects'],
        params: periodParams,
        body: { type: 'object', additionalProperties: false, properties: { version: versionSchema, ...reportFields } },
        response: { 200: reportSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...v } = req.body;
      return withTransaction(db.pool, async (c) => {
        const p = await lockedProject(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        const existing = (await c.query<{ id: number; version: number }>(reportOf, [p.id, req.params.period])).rows[0];
        if (existing) {
          const current = async () => (await c.query('SELECT * FROM project_reports WHERE id = $1', [existing.id])).rows[0];
          if (version === undefined) throw new HttpError(409, 'VERSION_CONFLICT', `Figures for ${req.params.period} exist: send their version to overwrite`, { current: await current() });
          await assertVersion('Report', req.params.period, version, existing.version, current);
        }
        const { rows } = await c.query(upsertReport, [p.id, req.params.period, v.revenue_bn_vnd ?? null, v.budget_paid_bn_vnd ?? null, v.workers ?? null, v.avg_income_mn_vnd ?? null]).catch(mapDbError);
        await writeAudit(c, { actor: actorOf(req), action: existing ? 'update' : 'create', entity: 'project_report', entityId: rows[0].id, after: rows[0] });
        return rows[0];
      });
    },
  );

  app.delete<{ Params: { id: number; period: string }; Querystring: { version: number } }>(
    '/api/projects/:id/reports/:period',
    {
      schema: {
        summary: 'Remove a project’s figures for a period',
        tags: ['projects'],
        params: periodParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const p = await lockedProject(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        const existing = (await c.query<{ id: number; version: number }>(reportOf, [p.id, req.params.period])).rows[0];
        if (!existing) throw new HttpError(404, 'NOT_FOUND', `No figures for ${req.params.period}`);
        await assertVersion('Report', req.params.period, req.query.version, existing.version, async () => existing);
        await c.query(deleteReport, [existing.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'project_report', entityId: existing.id, before: existing });
      });
      return reply.status(204).send();
    },
  );
}
