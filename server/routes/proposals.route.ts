import type { FastifyInstance } from 'fastify';
import type { MultiPolygon, Polygon } from 'geojson';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import type { Database } from '../db/database';
import { withTransaction } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { acceptGeometry } from '../import/accept-geometry';
import { defaultTm3Srid } from '../analysis/tm3-zone';
import { errorSchema, featureCollectionSchema, featureSchema, rowToFeature } from '../schemas/geojson.schema';
import { proposalCreateSchema, proposalPropertiesSchema, proposalUpdateSchema, repairNoteSchema } from '../schemas/proposal.schema';
import { deleteProposal, getProposal, insertProposal, listProposals, proposalExists, updateProposal } from '../sql/proposals.sql';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } } as const;

interface ProposalBody {
  name: string;
  note?: string | null;
  origin: 'draw' | 'table' | 'import' | 'trim';
  cluster_id?: number | null;
  tm3_srid?: number;
  source_file?: string | null;
  geometry: Polygon | MultiPolygon;
}
type ProposalPatch = Partial<Omit<ProposalBody, 'origin'>> & { version: number };

function checkTm3(tm3: number | undefined): void {
  if (tm3 !== undefined && !/TM-3/.test(crsByEpsg(tm3)?.name ?? ''))
    throw new HttpError(400, 'BAD_TM3', `EPSG:${tm3} is not a VN-2000 TM-3 zone`);
}

/** Boundary proposals: named drafts (drawn, typed or imported), with optimistic versions and an audit trail. */
export function proposalRoutes(app: FastifyInstance, db: Database): void {
  const withRepairs = {
    ...featureSchema(proposalPropertiesSchema),
    properties: { ...featureSchema(proposalPropertiesSchema).properties, repairs: { type: 'array', items: repairNoteSchema } },
  };
  const read = async (id: number, c: { query: Database['pool']['query'] } = db.pool) => {
    const { rows } = await c.query<{ id: number; geometry: unknown }>(getProposal, [id]);
    if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `Proposal ${id} does not exist`);
    return rowToFeature(rows[0], rows[0].id);
  };

  app.get('/api/proposals', {
    schema: { summary: 'Every boundary proposal (newest first) with plane and ellipsoidal area', tags: ['proposals'], response: { 200: featureCollectionSchema(proposalPropertiesSchema) } },
  }, async () => {
    const { rows } = await db.pool.query<{ id: number; geometry: unknown }>(listProposals);
    return { type: 'FeatureCollection', features: rows.map((r) => rowToFeature(r, r.id)) };
  });

  app.get<{ Params: { id: number } }>('/api/proposals/:id', {
    schema: { summary: 'One proposal', tags: ['proposals'], params: idParams, response: { 200: featureSchema(proposalPropertiesSchema), 404: errorSchema } },
  }, async (req) => read(req.params.id));

  app.post<{ Body: ProposalBody }>('/api/proposals', {
    schema: {
      summary: 'Save a boundary as a named proposal (safe repairs applied and reported; unsafe geometry refused with what and where)',
      tags: ['proposals'], body: proposalCreateSchema, response: { 201: withRepairs, 400: errorSchema, 422: errorSchema },
    },
  }, async (req, reply) => {
    const b = req.body;
    checkTm3(b.tm3_srid);
    const feature = await withTransaction(db.pool, async (c) => {
      const { geometry, repairs } = await acceptGeometry(c, b.geometry);
      const tm3 = b.tm3_srid ?? defaultTm3Srid(geometry);
      if (b.cluster_id && !(await c.query('SELECT 1 FROM clusters WHERE id = $1', [b.cluster_id])).rowCount)
        throw new HttpError(422, 'NO_CLUSTER', `Cluster ${b.cluster_id} does not exist`);
      const { rows } = await c.query<{ id: number }>(insertProposal, [
        b.name.trim(), b.note ?? null, b.origin, b.cluster_id ?? null, tm3, b.source_file ?? null, actorOf(req), JSON.stringify(geometry),
      ]);
      const f = await read(rows[0]!.id, c);
      await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'proposal', entityId: rows[0]!.id, after: f.properties });
      return { ...f, repairs };
    });
    return reply.status(201).send(feature);
  });

  app.patch<{ Params: { id: number }; Body: ProposalPatch }>('/api/proposals/:id', {
    schema: {
      summary: 'Rename, annotate or reshape a proposal (send the version you read: 409 with the current state when stale)',
      tags: ['proposals'], params: idParams, body: proposalUpdateSchema,
      response: { 200: withRepairs, 404: errorSchema, 409: errorSchema, 422: errorSchema },
    },
  }, async (req) => {
    const { id } = req.params;
    const b = req.body;
    checkTm3(b.tm3_srid);
    return withTransaction(db.pool, async (c) => {
      const before = await read(id, c);
      const accepted = b.geometry ? await acceptGeometry(c, b.geometry) : undefined;
      const { rowCount } = await c.query(updateProposal, [
        id, b.version, b.name?.trim() ?? null, 'note' in b, b.note ?? null, accepted ? JSON.stringify(accepted.geometry) : null, b.tm3_srid ?? null,
      ]);
      if (!rowCount) throw new HttpError(409, 'STALE', `Proposal ${id} has changed since version ${b.version}`, { current: before });
      const after = await read(id, c);
      await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'proposal', entityId: id, before: before.properties, after: after.properties });
      return { ...after, repairs: accepted?.repairs ?? [] };
    });
  });

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>('/api/proposals/:id', {
    schema: {
      summary: 'Delete a proposal (send the version you read)',
      tags: ['proposals'], params: idParams,
      querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'integer', minimum: 1 } } },
      response: { 204: { type: 'null' }, 404: errorSchema, 409: errorSchema },
    },
  }, async (req, reply) => {
    const { id } = req.params;
    await withTransaction(db.pool, async (c) => {
      const exists = await c.query(proposalExists, [id]);
      if (!exists.rowCount) throw new HttpError(404, 'NOT_FOUND', `Proposal ${id} does not exist`);
      const before = await read(id, c);
      const { rowCount } = await c.query(deleteProposal, [id, req.query.version]);
      if (!rowCount) throw new HttpError(409, 'STALE', `Proposal ${id} has changed since version ${req.query.version}`, { current: before });
      await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'proposal', entityId: id, before: before.properties });
    });
    return reply.status(204).send();
  });
}
