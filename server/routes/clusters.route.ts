import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { recordOccupancy } from '../../src/core/clusters/occupancy';
import { effectiveOccupancyPct } from '../../src/core/occupancy/occupancy';
import { changedFields, CLUSTER_FIELDS, pickRecord, type ClusterField, type ClusterRecord } from '../../src/core/clusters/record';
import type { ClusterStatus } from '../../src/core/clusters/status';
import { validateClusterRecord } from '../../src/core/clusters/validate';
import { todayIso } from '../../src/core/format/date';
import { writeAudit } from '../db/audit';
import { withTransaction, type Database } from '../db/database';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { clusterPatchSchema, clusterPropertiesSchema, decisionSchema } from '../schemas/cluster.schema';
import { errorSchema, featureCollectionSchema, featureSchema, rowToFeature } from '../schemas/geojson.schema';
import { clusterDecisions, getCluster, listClusters, lockCluster, unknownUnitCodes, updateCluster } from '../sql/clusters.sql';

interface ClusterRow {
  id: number;
  geometry: unknown;
  status: ClusterStatus;
  industrial_land_ha: number | null;
  leased_land_ha: number | null;
  investment_approved_land_ha: number | null;
  occupancy_computed_pct?: number | null;
  [k: string]: unknown;
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const detailSchema = {
  ...featureSchema(clusterPropertiesSchema),
  properties: {
    ...featureSchema(clusterPropertiesSchema).properties,
    decisions: { type: 'array', items: decisionSchema },
  },
} as const;

/**
 * A row as a GeoJSON feature, with occupancy in the legal definition: computed from the plots of
 * the detailed plan where the cluster has them (view cluster_occupancy_computed), else from the
 * typed record; both figures are kept so the panel can show them side by side.
 */
function toFeature(row: ClusterRow) {
  const { occupancy_computed_pct: computed, ...rest } = row;
  const f = rowToFeature(rest, row.id);
  const typed = recordOccupancy(row).pct;
  const eff = effectiveOccupancyPct(computed, typed);
  return {
    ...f,
    properties: { ...f.properties, occupancy_pct: eff.pct, occupancy_source: eff.source, occupancy_typed_pct: typed, occupancy_computed_pct: computed ?? null },
  };
}

/** The cluster with its decisions, read on the given connection (inside a transaction or not). */
export async function clusterDetail(q: pg.Pool | pg.PoolClient, id: number) {
  const { rows } = await q.query<ClusterRow>(getCluster, [id]);
  const row = rows[0];
  if (!row) return undefined;
  const decisions = await q.query(clusterDecisions, [id]);
  return { ...toFeature(row), decisions: decisions.rows };
}

/** The administrative codes of a record must exist at the right level (400 naming the field). */
async function checkUnitCodes(c: pg.PoolClient, r: ClusterRecord, changed: ClusterField[]): Promise<void> {
  const checks: [ClusterField, 'district' | 'commune' | 'province', string[]][] = [
    ['province_code_at_decision', 'province', r.province_code_at_decision ? [r.province_code_at_decision] : []],
    ['district_code_at_decision', 'district', r.district_code_at_decision ? [r.district_code_at_decision] : []],
    ['commune_codes_at_decision', 'commune', r.commune_codes_at_decision],
    ['commune_codes_current', 'commune', r.commune_codes_current],
  ];
  for (const [field, level, codes] of checks) {
    if (!changed.includes(field) || codes.length === 0) continue;
    const { rows } = await c.query<{ code: string }>(unknownUnitCodes, [level, codes]);
    if (rows.length) {
      throw new HttpError(400, 'VALIDATION', `${field}: unknown ${level} code(s) ${rows.map((x) => x.code).join(', ')}`, {
        errors: [{ field, code: 'invalid_code', en: `unknown ${level} code(s): ${rows.map((x) => x.code).join(', ')}`, vi: `mã không tồn tại: ${rows.map((x) => x.code).join(', ')}` }],
      });
    }
  }
}

export function clusterRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/clusters',
    {
      schema: {
        summary: 'All clusters with their current boundary (GeoJSON, EPSG:4326)',
        tags: ['clusters'],
        response: { 200: featureCollectionSchema(clusterPropertiesSchema) },
      },
    },
    async () => {
      const { rows } = await db.pool.query<ClusterRow>(listClusters);
      return { type: 'FeatureCollection', features: rows.map(toFeature) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/clusters/:id',
    {
      schema: {
        summary: 'One cluster with its record and decisions timeline',
        tags: ['clusters'],
        params: idParams,
        response: { 200: detailSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const detail = await clusterDetail(db.pool, req.params.id);
      if (!detail) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist`);
      return detail;
    },
  );

  app.patch<{ Params: { id: number }; Body: Partial<ClusterRecord> & { version: number } }>(
    '/api/clusters/:id',
    {
      schema: {
        summary: 'Edit a cluster record (send the version you read; 409 with the current state if it changed)',
        description:
          'Any editable field may be sent. Refused with 400 and a message naming the field when a value is invalid ' +
          '(negative area, leased land above industrial land, a date that does not exist…); nothing is changed then.',
        tags: ['clusters'],
        params: idParams,
        body: clusterPatchSchema,
        response: { 200: detailSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      const id = req.params.id;
      const { version, ...patch } = req.body;
      return withTransaction(db.pool, async (c) => {
        const { rows } = await c.query<Record<string, unknown>>(lockCluster, [id]);
        const row = rows[0];
        if (!row) throw new HttpError(404, 'NOT_FOUND', `Cluster ${id} does not exist`);
        if (row.version !== version) {
          throw new HttpError(409, 'CONFLICT', `Cluster ${id} was changed by someone else: it is at version ${String(row.version)}, the edit was made on version ${version}`, {
            current: await clusterDetail(c, id),
          });
        }
        const before = pickRecord(row);
        const after: ClusterRecord = { ...before, ...patch };
        if (typeof after.name === 'string') after.name = after.name.trim();
        const errors = validateClusterRecord(after, todayIso());
        if (errors.length) {
          throw new HttpError(400, 'VALIDATION', errors.map((e) => `${e.field}: ${e.en}`).join('; '), { errors });
        }
        const changed = changedFields(before, after);
        if (changed.length === 0) return (await clusterDetail(c, id))!;
        await checkUnitCodes(c, after, changed);
        await c.query(updateCluster, [id, ...CLUSTER_FIELDS.map((f) => after[f])]);
        await writeAudit(c, {
          actor: actorOf(req),
          action: 'update',
          entity: 'cluster',
          entityId: id,
          before: Object.fromEntries(changed.map((f) => [f, before[f]])),
          after: { ...Object.fromEntries(changed.map((f) => [f, after[f]])), version: version + 1 },
        });
        return (await clusterDetail(c, id))!;
      });
    },
  );
}
