import type { FastifyInstance } from 'fastify';
import { PLOT_LAND_USES } from '../../src/core/occupancy/land-use';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { assertPlotGeometry, type Polygonal } from '../plots/geometry';
import { clusterOccupancy, occupancyObject, plotFeature, plotState, type OccupancyRow, type PlotRow } from '../plots/occupancy';
import { assertVersion, guardCluster, mapDbError, todayVn } from '../plots/write';
import { errorSchema, featureSchema } from '../schemas/geojson.schema';
import { dateSchema, idParams, idSchema, occupancySchema, plotPropertiesSchema, polygonalSchema, versionSchema } from '../schemas/plots.schema';
import { lockProject } from '../sql/projects.sql';
import {
  bumpPlot, clusterExists, deletePlot, insertHolding, insertPlot, lockPlot, occupancyOfAll, plotCodeTaken, plotsOfCluster,
  releaseHolding, updatePlot, vacantPlots,
} from '../sql/plots.sql';

const codeSchema = { type: 'string', minLength: 1, maxLength: 40, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N} ._/-]*$' } as const;
const plotFeatureSchema = featureSchema(plotPropertiesSchema);
const writeResult = { type: 'object', properties: { plot: plotFeatureSchema, occupancy: occupancySchema } } as const;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

interface PlotBody {
  cluster_id: number;
  code: string;
  land_use: string;
  plan_area_ha?: number | null;
  note?: string | null;
  properties?: Record<string, unknown>;
  geometry: Polygonal;
}
type PlotPatch = Partial<Omit<PlotBody, 'cluster_id' | 'properties'>> & { version: number };
interface Locked {
  id: number;
  cluster_id: number;
  code: string;
  land_use: string;
  version: number;
  holder_id: number | null;
}

export function plotRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id: number } }>(
    '/api/plots',
    {
      schema: {
        summary: 'Plots of a cluster’s detailed plan (GeoJSON, EPSG:4326) with the cluster’s computed occupancy',
        tags: ['plots'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema } },
        response: {
          200: {
            type: 'object',
            properties: {
              type: { type: 'string', enum: ['FeatureCollection'] },
              features: { type: 'array', items: plotFeatureSchema },
              occupancy: occupancySchema,
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const occupancy = await clusterOccupancy(db.pool, req.query.cluster_id);
      if (!occupancy) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.query.cluster_id} does not exist`);
      const { rows } = await db.pool.query<PlotRow>(plotsOfCluster, [req.query.cluster_id]);
      return { type: 'FeatureCollection', features: rows.map(plotFeature), occupancy };
    },
  );

  app.get<{ Querystring: { cluster_id: number } }>(
    '/api/plots/vacant',
    {
      schema: {
        summary: 'Vacant industrial land of a cluster (to publish under Decree 32/2024/NĐ-CP Art. 19)',
        tags: ['plots'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema } },
        response: {
          200: {
            type: 'object',
            properties: {
              cluster_id: { type: 'integer' },
              count: { type: 'integer' },
              total_area_ha: { type: 'number' },
              plots: {
                type: 'array',
                items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string' }, area_ha: { type: 'number' }, label_point: { type: ['object', 'null'], additionalProperties: true } } },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const c = await db.pool.query(clusterExists, [req.query.cluster_id]);
      if (!c.rowCount) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.query.cluster_id} does not exist`);
      const { rows } = await db.pool.query<{ area_ha: number }>(vacantPlots, [req.query.cluster_id]);
      const total = rows.reduce((s, r) => s + r.area_ha, 0);
      return { cluster_id: req.query.cluster_id, count: rows.length, total_area_ha: Math.round(total * 10_000) / 10_000, plots: rows };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/plots/:id',
    { schema: { summary: 'One plot with the project holding it', tags: ['plots'], params: idParams, response: { 200: plotFeatureSchema, ...errors } } },
    async (req) => {
      const f = await plotState(db.pool, req.params.id);
      if (!f) throw new HttpError(404, 'NOT_FOUND', `Plot ${req.params.id} does not exist`);
      return f;
    },
  );

  app.get(
    '/api/occupancy',
    {
      schema: {
        summary: 'Occupancy of every cluster: computed from plots beside the typed figures, and the one to use',
        tags: ['plots'],
        response: { 200: { type: 'array', items: occupancySchema } },
      },
    },
    async () => (await db.pool.query<OccupancyRow>(occupancyOfAll)).rows.map(occupancyObject),
  );

  app.get<{ Params: { id: number } }>(
    '/api/occupancy/:id',
    { schema: { summary: 'Occupancy of one cluster', tags: ['plots'], params: idParams, response: { 200: occupancySchema, ...errors } } },
    async (req) => {
      const o = await clusterOccupancy(db.pool, req.params.id);
      if (!o) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
      return o;
    },
  );

  app.post<{ Body: PlotBody }>(
    '/api/plots',
    {
      schema: {
        summary: 'Add a plot to a cluster’s detailed plan (refused when invalid, outside the cluster or overlapping a plot)',
        tags: ['plots'],
        body: {
          type: 'object',
          required: ['cluster_id', 'code', 'land_use', 'geometry'],
          additionalProperties: false,
          properties: {
            cluster_id: idSchema,
            code: codeSchema,
            land_use: { type: 'string', enum: [...PLOT_LAND_USES] },
            plan_area_ha: { type: ['number', 'null'], minimum: 0, maximum: 100000 },
            note: { type: ['string', 'null'], maxLength: 2000 },
            properties: { type: 'object', additionalProperties: true },
            geometry: polygonalSchema,
          },
        },
        response: { 201: plotFeatureSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const feature = await withTransaction(db.pool, async (c) => {
        await guardCluster(req, c, b.cluster_id);
        if ((await c.query(plotCodeTaken, [b.cluster_id, b.code, null])).rowCount) {
          throw new HttpError(409, 'DUPLICATE_CODE', `Plot code ${b.code} already exists in this cluster`, { plot_code: b.code });
        }
        await assertPlotGeometry(c, { clusterId: b.cluster_id, code: b.code, geometry: b.geometry });
        const { rows } = await c
          .query<{ id: number }>(insertPlot, [b.cluster_id, b.code, b.land_use, b.plan_area_ha ?? null, b.note ?? null,
            b.properties ? JSON.stringify(b.properties) : null, JSON.stringify(b.geometry)])
          .catch(mapDbError);
        const after = await plotState(c, rows[0]!.id);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'plot', entityId: rows[0]!.id, after });
        return after;
      });
      return reply.status(201).send(feature);
    },
  );

  app.patch<{ Params: { id: number }; Body: PlotPatch }>(
    '/api/plots/:id',
    {
      schema: {
        summary: 'Change a plot (optimistic locking: send the version you read)',
        tags: ['plots'],
        params: idParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: {
            version: versionSchema,
            code: codeSchema,
            land_use: { type: 'string', enum: [...PLOT_LAND_USES] },
            plan_area_ha: { type: ['number', 'null'], minimum: 0, maximum: 100000 },
            note: { type: ['string', 'null'], maxLength: 2000 },
            geometry: polygonalSchema,
          },
        },
        response: { 200: plotFeatureSchema, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      return withTransaction(db.pool, async (c) => {
        const p = await lockedPlot(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Plot', p.code, b.version, p.version, () => plotState(c, p.id));
        const code = b.code ?? p.code;
        if (b.code && (await c.query(plotCodeTaken, [p.cluster_id, b.code, p.id])).rowCount) {
          throw new HttpError(409, 'DUPLICATE_CODE', `Plot code ${b.code} already exists in this cluster`, { plot_code: b.code });
        }
        if (b.land_use && b.land_use !== 'industrial' && p.holder_id !== null) {
          throw new HttpError(409, 'PLOT_HELD', `Plot ${p.code} is held by a project: release it before changing its land use`, { plot_code: p.code });
        }
        if (b.geometry) await assertPlotGeometry(c, { clusterId: p.cluster_id, code, geometry: b.geometry, excludePlotId: p.id });
        const before = await plotState(c, p.id);
        await c
          .query(updatePlot, [p.id, b.code ?? null, b.land_use ?? null, 'plan_area_ha' in b, b.plan_area_ha ?? null, 'note' in b,
            b.note ?? null, b.geometry ? JSON.stringify(b.geometry) : null])
          .catch(mapDbError);
        const after = await plotState(c, p.id);
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'plot', entityId: p.id, before, after });
        return after;
      });
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/plots/:id',
    {
      schema: {
        summary: 'Remove a plot that no project holds',
        tags: ['plots'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const p = await lockedPlot(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Plot', p.code, req.query.version, p.version, () => plotState(c, p.id));
        if (p.holder_id !== null) throw new HttpError(409, 'PLOT_HELD', `Plot ${p.code} is held by a project: release it first`, { plot_code: p.code });
        const before = await plotState(c, p.id);
        await c.query(deletePlot, [p.id]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'plot', entityId: p.id, before });
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: { version: number; project_id: number; leased_on?: string } }>(
    '/api/plots/:id/lease',
    {
      schema: {
        summary: 'Lease a vacant industrial plot to a project (or record it under the project’s investment approval)',
        tags: ['plots'],
        params: idParams,
        body: {
          type: 'object',
          required: ['version', 'project_id'],
          additionalProperties: false,
          properties: { version: versionSchema, project_id: idSchema, leased_on: { ...dateSchema, description: 'Default today' } },
        },
        response: { 200: writeResult, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      return withTransaction(db.pool, async (c) => {
        const p = await lockedPlot(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Plot', p.code, b.version, p.version, () => plotState(c, p.id));
        if (p.land_use !== 'industrial') {
          throw new HttpError(422, 'NOT_INDUSTRIAL', `Plot ${p.code} is ${p.land_use} land, not industrial land: it cannot be leased`, { plot_code: p.code });
        }
        if (p.holder_id !== null) {
          throw new HttpError(409, 'PLOT_HELD', `Plot ${p.code} is already held by project ${p.holder_id}`, { plot_code: p.code, current: await plotState(c, p.id) });
        }
        const pr = (await c.query<{ id: number; cluster_id: number; name: string; status: string; lease_contract_date: string | null }>(lockProject, [b.project_id])).rows[0];
        if (!pr) throw new HttpError(422, 'NO_PROJECT', `Project ${b.project_id} does not exist`);
        if (pr.cluster_id !== p.cluster_id) throw new HttpError(422, 'OTHER_CLUSTER', `Project ${pr.name} belongs to another cluster`);
        if (pr.status === 'terminated') throw new HttpError(422, 'PROJECT_TERMINATED', `Project ${pr.name} is terminated`);
        const leasedOn = b.leased_on ?? todayVn();
        const before = await plotState(c, p.id);
        await c.query(insertHolding, [pr.id, p.id, leasedOn]).catch(mapDbError);
        await c.query(bumpPlot, [p.id]);
        if (pr.lease_contract_date === null) {
          // The project's first plot starts its lease clock (slow-project review).
          await c.query('UPDATE projects SET lease_contract_date = $2, version = version + 1, updated_at = now() WHERE id = $1', [pr.id, leasedOn]);
        }
        const after = await plotState(c, p.id);
        await writeAudit(c, { actor: actorOf(req), action: 'lease', entity: 'plot', entityId: p.id, before, after });
        return { plot: after, occupancy: await clusterOccupancy(c, p.cluster_id) };
      });
    },
  );

  app.post<{ Params: { id: number }; Body: { version: number; released_on?: string } }>(
    '/api/plots/:id/release',
    {
      schema: {
        summary: 'End a project’s hold on a plot (it becomes vacant industrial land)',
        tags: ['plots'],
        params: idParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: { version: versionSchema, released_on: { ...dateSchema, description: 'Default today' } },
        },
        response: { 200: writeResult, ...errors },
      },
    },
    async (req) => {
      return withTransaction(db.pool, async (c) => {
        const p = await lockedPlot(c, req.params.id);
        await guardCluster(req, c, p.cluster_id);
        await assertVersion('Plot', p.code, req.body.version, p.version, () => plotState(c, p.id));
        if (p.holder_id === null) throw new HttpError(409, 'PLOT_VACANT', `Plot ${p.code} is not held by any project`, { plot_code: p.code });
        const before = await plotState(c, p.id);
        await c.query(releaseHolding, [p.id, req.body.released_on ?? todayVn()]);
        await c.query(bumpPlot, [p.id]);
        const after = await plotState(c, p.id);
        await writeAudit(c, { actor: actorOf(req), action: 'release', entity: 'plot', entityId: p.id, before, after });
        return { plot: after, occupancy: await clusterOccupancy(c, p.cluster_id) };
      });
    },
  );

  async function lockedPlot(c: import('pg').PoolClient, id: number): Promise<Locked> {
    const { rows } = await c.query<Locked>(lockPlot, [id]);
    if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `Plot ${id} does not exist`);
    return rows[0];
  }
}
