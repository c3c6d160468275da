import type { FastifyInstance } from 'fastify';
import { validateDecision, type DecisionInput } from '../../src/core/clusters/decisions';
import { writeAudit } from '../db/audit';
import { withTransaction, type Database } from '../db/database';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { decisionBodySchema, decisionSchema } from '../schemas/cluster.schema';
import { errorSchema } from '../schemas/geojson.schema';
import {
  boundariesOfDecision,
  clusterExists,
  decisionsOfCluster,
  deleteDecision,
  insertDecision,
  lockDecision,
  updateDecision,
} from '../sql/decisions.sql';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const decisionOut = { ...decisionSchema, properties: { ...decisionSchema.properties, cluster_id: { type: 'integer' } } } as const;

type DecisionBody = Omit<DecisionInput, 'legal_regime' | 'summary'> & { legal_regime?: string | null; summary?: string | null };

/** Trims and validates a decision body; 400 naming the field(s) when refused. */
function checked(b: DecisionBody): DecisionInput {
  const d: DecisionInput = {
    number: b.number.trim(),
    date: b.date.trim(),
    issuer: b.issuer.trim(),
    kind: b.kind,
    legal_regime: b.legal_regime?.trim() || null,
    summary: b.summary?.trim() || null,
  };
  const errors = validateDecision(d);
  if (errors.length) throw new HttpError(400, 'VALIDATION', errors.map((e) => `${e.field}: ${e.en}`).join('; '), { errors });
  return d;
}

const values = (d: DecisionInput) => [d.number, d.date, d.issuer, d.kind, d.legal_regime, d.summary];

/** Decisions of a cluster (the timeline): list, add, edit, delete. Writes audited. */
export function decisionRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { id: number } }>(
    '/api/clusters/:id/decisions',
    {
      schema: {
        summary: "A cluster's decisions, oldest first",
        tags: ['decisions'],
        params: idParams,
        response: { 200: { type: 'array', items: decisionOut }, 404: errorSchema },
      },
    },
    async (req) => {
      if (!(await db.pool.query(clusterExists, [req.params.id])).rowCount)
        throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
      return (await db.pool.query(decisionsOfCluster, [req.params.id])).rows;
    },
  );

  app.post<{ Params: { id: number }; Body: DecisionBody }>(
    '/api/clusters/:id/decisions',
    {
      schema: {
        summary: 'Add a decision to a cluster’s timeline',
        tags: ['decisions'],
        params: idParams,
        body: decisionBodySchema,
        response: { 201: decisionOut, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const d = checked(req.body);
      const row = await withTransaction(db.pool, async (c) => {
        if (!(await c.query(clusterExists, [req.params.id])).rowCount) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
        const { rows } = await c.query<{ id: number }>(insertDecision, [req.params.id, ...values(d)]);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'decision', entityId: rows[0]!.id, after: rows[0] });
        return rows[0]!;
      });
      return reply.status(201).send(row);
    },
  );

  app.patch<{ Params: { id: number }; Body: DecisionBody & { version: number } }>(
    '/api/decisions/:id',
    {
      schema: {
        summary: 'Edit a decision (send the version you read; 409 with the current state if it changed)',
        tags: ['decisions'],
        params: idParams,
        body: {
          ...decisionBodySchema,
          required: [...decisionBodySchema.required, 'version'],
          properties: { ...decisionBodySchema.properties, version: { type: 'integer', minimum: 1 } },
        },
        response: { 200: decisionOut, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      const d = checked(req.body);
      return withTransaction(db.pool, async (c) => {
        const { rows } = await c.query<{ version: number }>(lockDecision, [req.params.id]);
        const before = rows[0];
        if (!before) throw new HttpError(404, 'NOT_FOUND', `Decision ${req.params.id} does not exist`);
        if (before.version !== req.body.version)
          throw new HttpError(409, 'CONFLICT', `Decision ${req.params.id} was changed by someone else (now version ${before.version})`, { current: before });
        const after = (await c.query(updateDecision, [req.params.id, ...values(d)])).rows[0];
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'decision', entityId: req.params.id, before, after });
        return after;
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/decisions/:id',
    {
      schema: {
        summary: 'Delete a decision no boundary version depends on',
        tags: ['decisions'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'integer', minimum: 1 } } },
        response: { 204: { type: 'null' }, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const { rows } = await c.query<{ version: number }>(lockDecision, [req.params.id]);
        const before = rows[0];
        if (!before) throw new HttpError(404, 'NOT_FOUND', `Decision ${req.params.id} does not exist`);
        if (before.version !== req.query.version)
          throw new HttpError(409, 'CONFLICT', `Decision ${req.params.id} was changed by someone else (now version ${before.version})`, { current: before });
        const tied = (await c.query<{ id: number }>(boundariesOfDecision, [req.params.id])).rows;
        if (tied.length)
          throw new HttpError(409, 'IN_USE', `Decision ${req.params.id} is the basis of boundary version(s) ${tied.map((t) => t.id).join(', ')}`, {
            boundaries: tied.map((t) => t.id),
          });
        await c.query(deleteDecision, [req.params.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'decision', entityId: req.params.id, before });
      });
      return reply.status(204).send();
    },
  );
}
