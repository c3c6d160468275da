import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { assertVersion, guardCluster, mapDbError, todayVn } from '../plots/write';
import { errorSchema } from '../schemas/geojson.schema';
import {
  idParams, idSchema, inspectionFields, inspectionSchema, overdueViolationSchema, reviewQuery, slowProjectSchema, versionSchema,
  violationFields, violationSchema,
} from '../schemas/plots.schema';
import {
  deleteInspection, deleteViolation, inspectionById, inspectionRowForMerge, inspectionsOfCluster, insertInspection, insertViolation,
  lockInspection, lockViolation, overdueViolations, projectCluster, updateInspection, updateViolation, violationById,
} from '../sql/inspections.sql';
import { slowProjects } from '../sql/projects.sql';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

interface ViolationValues {
  description: string;
  deadline: string;
  follow_up_status?: 'open' | 'in_progress' | 'resolved';
  resolved_on?: string | null;
  follow_up_note?: string | null;
}
interface InspectionValues {
  project_id?: number | null;
  date: string;
  agency: string;
  scope: string[];
  findings?: string | null;
}

/** Resolved ⇔ a resolution date (default today); the deadline cannot precede the inspection. */
function normaliseViolation(v: ViolationValues, inspectionDate: string): Required<ViolationValues> {
  const status = v.follow_up_status ?? 'open';
  if (status !== 'resolved' && v.resolved_on) {
    throw new HttpError(422, 'INVALID_FOLLOW_UP', 'resolved_on is only for a resolved violation', { field: 'resolved_on' });
  }
  if (v.deadline < inspectionDate) {
    throw new HttpError(422, 'INVALID_DATES', `deadline ${v.deadline} precedes the inspection (${inspectionDate})`, { field: 'deadline' });
  }
  return {
    description: v.description,
    deadline: v.deadline,
    follow_up_status: status,
    resolved_on: status === 'resolved' ? (v.resolved_on ?? todayVn()) : null,
    follow_up_note: v.follow_up_note ?? null,
  };
}

async function assertProjectInCluster(c: pg.PoolClient, projectId: number | null | undefined, clusterId: number): Promise<void> {
  if (projectId === null || projectId === undefined) return;
  const r = (await c.query<{ cluster_id: number }>(projectCluster, [projectId])).rows[0];
  if (!r) throw new HttpError(422, 'NO_PROJECT', `Project ${projectId} does not exist`, { field: 'project_id' });
  if (r.cluster_id !== clusterId) throw new HttpError(422, 'OTHER_CLUSTER', `Project ${projectId} belongs to another cluster`, { field: 'project_id' });
}

const inspectionState = async (q: pg.Pool | pg.PoolClient, id: number) => (await q.query(inspectionById, [id, todayVn()])).rows[0] ?? null;
const violationState = async (q: pg.Pool | pg.PoolClient, id: number) => (await q.query(violationById, [id, todayVn()])).rows[0] ?? null;

async function insertViolations(c: pg.PoolClient, inspectionId: number, date: string, list: ViolationValues[]): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of list) {
    const v = normaliseViolation(raw, date);
    const { rows } = await c
      .query<{ id: number }>(insertViolation, [inspectionId, v.description, v.deadline, v.follow_up_status, v.resolved_on, v.follow_up_note])
      .catch(mapDbError);
    ids.push(rows[0]!.id);
  }
  return ids;
}

export function inspectionRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id: number } }>(
    '/api/inspections',
    {
      schema: {
        summary: 'Inspections of a cluster and its projects, newest first, with their violations',
        tags: ['inspections'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema } },
        response: { 200: { type: 'array', items: inspectionSchema }, ...errors },
      },
    },
    async (req) => (await db.pool.query(inspectionsOfCluster, [req.query.cluster_id, todayVn()])).rows,
  );

  app.get<{ Params: { id: number } }>(
    '/api/inspections/:id',
    { schema: { summary: 'One inspection with its violations', tags: ['inspections'], params: idParams, response: { 200: inspectionSchema, ...errors } } },
    async (req) => {
      const i = await inspectionState(db.pool, req.params.id);
      if (!i) throw new HttpError(404, 'NOT_FOUND', `Inspection ${req.params.id} does not exist`);
      return i;
    },
  );

  app.post<{ Body: InspectionValues & { cluster_id: number; violations?: ViolationValues[] } }>(
    '/api/inspections',
    {
      schema: {
        summary: 'Record an inspection of a cluster or one of its projects, with the violations found',
        tags: ['inspections'],
        body: {
          type: 'object',
          required: ['cluster_id', 'date', 'agency', 'scope'],
          additionalProperties: false,
          properties: {
            cluster_id: idSchema,
            ...inspectionFields,
            violations: {
              type: 'array',
              maxItems: 100,
              items: { type: 'object', required: ['description', 'deadline'], additionalProperties: false, properties: violationFields },
            },
          },
        },
        response: { 201: inspectionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const created = await withTransaction(db.pool, async (c) => {
        await guardCluster(req, c, b.cluster_id);
        await assertProjectInCluster(c, b.project_id, b.cluster_id);
        const { rows } = await c
          .query<{ id: number }>(insertInspection, [b.cluster_id, b.project_id ?? null, b.date, b.agency, b.scope, b.findings ?? null])
          .catch(mapDbError);
        await insertViolations(c, rows[0]!.id, b.date, b.violations ?? []);
        const after = await inspectionState(c, rows[0]!.id);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'inspection', entityId: rows[0]!.id, after });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: number }; Body: Partial<InspectionValues> & { version: number } }>(
    '/api/inspections/:id',
    {
      schema: {
        summary: 'Change an inspection record (optimistic locking)',
        tags: ['inspections'],
        params: idParams,
        body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema, ...inspectionFields } },
        response: { 200: inspectionSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return withTransaction(db.pool, async (c) => {
        const i = (await c.query<{ id: number; cluster_id: number; version: number }>(lockInspection, [req.params.id])).rows[0];
        if (!i) throw new HttpError(404, 'NOT_FOUND', `Inspection ${req.params.id} does not exist`);
        await guardCluster(req, c, i.cluster_id);
        await assertVersion('Inspection', String(i.id), version, i.version, () => inspectionState(c, i.id));
        const m = { ...(await c.query<InspectionValues>(inspectionRowForMerge, [i.id])).rows[0]!, ...patch };
        await assertProjectInCluster(c, m.project_id, i.cluster_id);
        const before = await inspectionState(c, i.id);
        await c.query(updateInspection, [i.id, m.project_id ?? null, m.date, m.agency, m.scope, m.findings ?? null]).catch(mapDbError);
        const after = await inspectionState(c, i.id);
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'inspection', entityId: i.id, before, after });
        return after;
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/inspections/:id',
    {
      schema: {
        summary: 'Remove an inspection and its violations',
        tags: ['inspections'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const i = (await c.query<{ id: number; cluster_id: number; version: number }>(lockInspection, [req.params.id])).rows[0];
        if (!i) throw new HttpError(404, 'NOT_FOUND', `Inspection ${req.params.id} does not exist`);
        await guardCluster(req, c, i.cluster_id);
        await assertVersion('Inspection', String(i.id), req.query.version, i.version, () => inspectionState(c, i.id));
        const before = await inspectionState(c, i.id);
        await c.query(deleteInspection, [i.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'inspection', entityId: i.id, before });
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: ViolationValues }>(
    '/api/inspections/:id/violations',
    {
      schema: {
        summary: 'Add a violation (with its deadline) to an inspection',
        tags: ['inspections'],
        params: idParams,
        body: { type: 'object', required: ['description', 'deadline'], additionalProperties: false, properties: violationFields },
        response: { 201: violationSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await withTransaction(db.pool, async (c) => {
        const i = (await c.query<{ id: number; cluster_id: number; date: string }>(lockInspection, [req.params.id])).rows[0];
        if (!i) throw new HttpError(404, 'NOT_FOUND', `Inspection ${req.params.id} does not exist`);
        await guardCluster(req, c, i.cluster_id);
        const [id] = await insertViolations(c, i.id, i.date, [req.body]);
        const after = await violationState(c, id!);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'violation', entityId: id!, after });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.patch<{ Params: { id: number }; Body: Partial<ViolationValues> & { version: number } }>(
    '/api/violations/:id',
    {
      schema: {
        summary: 'Follow up a violation: status, resolution date, note (optimistic locking)',
        tags: ['inspections'],
        params: idParams,
        body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema, ...violationFields } },
        response: { 200: violationSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return withTransaction(db.pool, async (c) => {
        const v = (await c.query<ViolationValues & { id: number; inspection_id: number; cluster_id: number; version: number }>(lockViolation, [req.params.id])).rows[0];
        if (!v) throw new HttpError(404, 'NOT_FOUND', `Violation ${req.params.id} does not exist`);
        await guardCluster(req, c, v.cluster_id);
        await assertVersion('Violation', String(v.id), version, v.version, () => violationState(c, v.id));
        const inspection = (await c.query<{ date: string }>(lockInspection, [v.inspection_id])).rows[0]!;
        // Leaving the resolved state clears the resolution date unless a new one is sent.
        const base = patch.follow_up_status && patch.follow_up_status !== 'resolved' && !('resolved_on' in patch) ? { ...v, resolved_on: null } : v;
        const m = normaliseViolation({ ...base, ...patch }, inspection.date);
        const before = await violationState(c, v.id);
        await c.query(updateViolation, [v.id, m.description, m.deadline, m.follow_up_status, m.resolved_on, m.follow_up_note]).catch(mapDbError);
        const after = await violationState(c, v.id);
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'violation', entityId: v.id, before, after });
        return after;
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/violations/:id',
    {
      schema: {
        summary: 'Remove a violation record',
        tags: ['inspections'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const v = (await c.query<{ id: number; cluster_id: number; version: number }>(lockViolation, [req.params.id])).rows[0];
        if (!v) throw new HttpError(404, 'NOT_FOUND', `Violation ${req.params.id} does not exist`);
        await guardCluster(req, c, v.cluster_id);
        await assertVersion('Violation', String(v.id), req.query.version, v.version, () => violationState(c, v.id));
        const before = await violationState(c, v.id);
        await c.query(deleteViolation, [v.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'violation', entityId: v.id, before });
      });
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { cluster_id?: number; as_of?: string } }>(
    '/api/violations/overdue',
    {
      schema: {
        summary: 'Violations not resolved by their deadline (monthly review)',
        tags: ['inspections'],
        querystring: { type: 'object', additionalProperties: false, properties: { cluster_id: idSchema, as_of: reviewQuery.properties.as_of } },
        response: { 200: { type: 'array', items: overdueViolationSchema }, ...errors },
      },
    },
    async (req) => (await db.pool.query(overdueViolations, [req.query.cluster_id ?? null, req.query.as_of ?? todayVn()])).rows,
  );

  app.get<{ Querystring: { cluster_id?: number; as_of?: string; months: number } }>(
    '/api/review/monthly',
    {
      schema: {
        summary: 'Monthly review: slow projects (no construction N months after lease) and overdue violation follow-ups',
        tags: ['inspections'],
        querystring: reviewQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', format: 'date' },
              months: { type: 'integer' },
              slow_projects: { type: 'array', items: slowProjectSchema },
              overdue_violations: { type: 'array', items: overdueViolationSchema },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const asOf = req.query.as_of ?? todayVn();
      const cluster = req.query.cluster_id ?? null;
      const slow = await db.pool.query(slowProjects, [cluster, req.query.months, asOf]);
      const overdue = await db.pool.query(overdueViolations, [cluster, asOf]);
      return { as_of: asOf, months: req.query.months, slow_projects: slow.rows, overdue_violations: overdue.rows };
    },
  );
}
