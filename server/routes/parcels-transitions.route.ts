import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { readParcel, staleVersion } from '../clearance/record';
import { errors, idParams, idSchema, parcelFeatureSchema, transitionFields, versionSchema } from '../clearance/schemas';
import { parcelLabel, transitionParcel, type Refused, type TransitionBody } from '../clearance/transition';
import { undoLastTransition } from '../clearance/undo';
import { withTransaction, type Database } from '../db/database';
import { HttpError } from '../errors';

const refusedError = (refused: Refused[], total: number) =>
  new HttpError(
    422,
    'TRANSITION_REFUSED',
    total === 1
      ? `${refused[0]!.refusal.parcel}: ${refused[0]!.refusal.message}`
      : `${refused.length} of ${total} parcels refused (nothing was changed): ${refused.slice(0, 5).map((r) => `${r.refusal.parcel}: ${r.refusal.message}`).join('; ')}`,
    { refused: refused.map((r) => r.refusal) },
  );

export function parcelTransitionRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Params: { id: number }; Body: TransitionBody & { version: number } }>(
    '/api/parcels/:id/transitions',
    {
      schema: {
        summary: 'Move a parcel one step in the clearance workflow (refused with the reason when the law does not allow it)',
        tags: ['clearance'],
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['version', 'action', 'date'], properties: { version: versionSchema, ...transitionFields } },
        response: { 200: parcelFeatureSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...body } = req.body;
      return withTransaction(db.pool, async (c) => {
        const r = await transitionParcel(c, req, req.params.id, version, body, null, (p) =>
          staleVersion(c, p.id, parcelLabel(p), version, p.version),
        );
        if (!r.ok) throw refusedError([r], 1);
        return readParcel(c, req.params.id);
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/parcels/:id/transitions/last',
    {
      schema: {
        summary: 'Withdraw the last recorded transition of a parcel (an entry made in error); the state is replayed from the rest of the history',
        tags: ['clearance'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 200: parcelFeatureSchema, ...errors },
      },
    },
    async (req) =>
      withTransaction(db.pool, async (c) => {
        await undoLastTransition(c, req, req.params.id, req.query.version);
        return readParcel(c, req.params.id);
      }),
  );

  app.post<{ Body: TransitionBody & { items: { id: number; version: number }[] } }>(
    '/api/parcels/transitions',
    {
      schema: {
        summary: 'One decision for many parcels: the same transition applied to all of them in one transaction, or to none',
        tags: ['clearance'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['items', 'action', 'date'],
          properties: {
            items: {
              type: 'array', minItems: 1, maxItems: 5000,
              items: { type: 'object', additionalProperties: false, required: ['id', 'version'], properties: { id: idSchema, version: versionSchema } },
            },
            ...transitionFields,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              batch_id: { type: 'string' },
              count: { type: 'integer' },
              parcels: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, from: { type: 'string' }, to: { type: 'string' }, version: { type: 'integer' } } } },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const { items, ...body } = req.body;
      const ids = items.map((i) => i.id);
      if (new Set(ids).size !== ids.length) throw new HttpError(400, 'DUPLICATE_ITEMS', 'items: a parcel is listed twice');
      const batchId = randomUUID();
      return withTransaction(db.pool, async (c) => {
        // Lock every row first, in id order (no deadlock between two bulk decisions), then check versions.
        const locked = await c.query<{ id: number; version: number; status: string; map_sheet_no: string; parcel_no: string }>(
          'SELECT id, version, status, map_sheet_no, parcel_no FROM parcels WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE',
          [ids],
        );
        const byId = new Map(locked.rows.map((r) => [r.id, r]));
        const missing = ids.filter((id) => !byId.has(id));
        if (missing.length) throw new HttpError(404, 'NOT_FOUND', `Parcels do not exist: ${missing.join(', ')}`, { missing });
        const stale = items.filter((i) => byId.get(i.id)!.version !== i.version);
        if (stale.length) {
          throw new HttpError(409, 'VERSION_CONFLICT', `${stale.length} parcel(s) were changed by someone else; reload and retry (nothing was changed)`, {
            stale: stale.map((i) => {
              const r = byId.get(i.id)!;
              return { id: i.id, parcel: parcelLabel(r), sent: i.version, current: { version: r.version, status: r.status } };
            }),
          });
        }
        const done = [];
        const refused: Refused[] = [];
        for (const i of items) {
          const r = await transitionParcel(c, req, i.id, i.version, body, batchId, () => {
            throw new Error('unreachable: versions checked under lock');
          });
          if (r.ok) done.push({ id: r.id, from: r.from, to: r.to, version: r.version });
          else refused.push(r);
        }
        if (refused.length) throw refusedError(refused, items.length);
        return { batch_id: batchId, count: done.length, parcels: done };
      });
    },
  );
}
