import type { FastifyInstance } from 'fastify';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Database } from '../db/database';
import { withTransaction } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { acceptGeometry } from '../import/accept-geometry';
import { errorSchema } from '../schemas/geojson.schema';
import { boundaryVersionCreateSchema, repairNoteSchema } from '../schemas/proposal.schema';
import { bumpClusterVersion, closeBoundary, currentBoundary, decisionOfCluster, insertBoundary, lockCluster } from '../sql/boundary-write.sql';

interface Body {
  geometry: Polygon | MultiPolygon;
  decision_id: number;
  valid_from?: string;
  note?: string | null;
  is_illustrative?: boolean;
  cluster_version?: number;
  proposal_id?: number;
}

/** Writing a new boundary version of a cluster, tied to the decision that fixes it (issue 4). */
export function boundaryWriteRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Params: { id: number }; Body: Body }>(
    '/api/clusters/:id/boundaries',
    {
      schema: {
        summary: 'Add a boundary version tied to a decision: the previous version gets valid_to and is no longer current (audited)',
        tags: ['boundaries'],
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
        body: boundaryVersionCreateSchema,
        response: {
          201: {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              cluster_id: { type: 'integer' },
              decision_id: { type: 'integer' },
              valid_from: { type: 'string' },
              previous_id: { type: ['integer', 'null'] },
              plane_area_ha: { type: 'number' },
              ellipsoidal_area_ha: { type: 'number' },
              cluster_version: { type: 'integer' },
              repairs: { type: 'array', items: repairNoteSchema },
            },
          },
          404: errorSchema, 409: errorSchema, 422: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const clusterId = req.params.id;
      const b = req.body;
      const result = await withTransaction(db.pool, async (c) => {
        const cl = (await c.query<{ id: number; version: number; tm3_srid: number }>(lockCluster, [clusterId])).rows[0];
        if (!cl) throw new HttpError(404, 'NOT_FOUND', `Cluster ${clusterId} does not exist`);
        if (b.cluster_version !== undefined && b.cluster_version !== cl.version)
          throw new HttpError(409, 'STALE', `Cluster ${clusterId} has changed since version ${b.cluster_version}`, { current: { version: cl.version } });
        const decision = (await c.query<{ id: number; date: string }>(decisionOfCluster, [b.decision_id, clusterId])).rows[0];
        if (!decision) throw new HttpError(422, 'BAD_DECISION', `Decision ${b.decision_id} is not a decision of cluster ${clusterId}`);
        const validFrom = b.valid_from ?? decision.date;
        const { geometry, repairs } = await acceptGeometry(c, b.geometry);
        const prev = (await c.query<{ id: number; valid_from: string | null; plane_area_ha: number }>(currentBoundary, [clusterId, cl.tm3_srid])).rows[0];
        if (prev?.valid_from && prev.valid_from > validFrom)
          throw new HttpError(422, 'BAD_DATE', `The new version starts ${validFrom}, before the current one (${prev.valid_from})`);
        if (prev) await c.query(closeBoundary, [prev.id, validFrom]);
        const ins = (await c.query<{ id: number; valid_from: string; plane_area_ha: number; ellipsoidal_area_ha: number }>(insertBoundary, [
          clusterId, b.decision_id, validFrom, b.is_illustrative ?? false, b.note ?? null, JSON.stringify(geometry), cl.tm3_srid,
        ])).rows[0]!;
        const version = (await c.query<{ version: number }>(bumpClusterVersion, [clusterId])).rows[0]!.version;
        await writeAudit(c, {
          actor: actorOf(req),
          action: 'create',
          entity: 'cluster_boundary',
          entityId: ins.id,
          before: prev ? { id: prev.id, plane_area_ha: prev.plane_area_ha, valid_to: validFrom } : undefined,
          after: { cluster_id: clusterId, decision_id: b.decision_id, valid_from: validFrom, plane_area_ha: ins.plane_area_ha, proposal_id: b.proposal_id ?? null },
        });
        return {
          id: ins.id, cluster_id: clusterId, decision_id: b.decision_id, valid_from: ins.valid_from, previous_id: prev?.id ?? null,
          plane_area_ha: ins.plane_area_ha, ellipsoidal_area_ha: ins.ellipsoidal_area_ha, cluster_version: version, repairs,
        };
      });
      return reply.status(201).send(result);
    },
  );
}
