import type { FastifyInstance } from 'fastify';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { overdueOf } from '../../src/core/clearance/deadlines';
import { STATUS_STEP } from '../../src/core/clearance/steps';
import { landCode } from '../../src/core/land/codes';
import { assertCanWrite, clusterTarget } from '../auth/guard';
import { clusterParcelsAsOf } from '../clearance/asof';
import { mapDbError, readParcel, staleVersion } from '../clearance/record';
import { dateSchema, editableFields, errors, idParams, idSchema, mapParcelPropertiesSchema, parcelFeatureSchema, versionSchema } from '../clearance/schemas';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { featureCollectionSchema, geometrySchema } from '../schemas/geojson.schema';
import { checkGeometry, EDITABLE_COLUMNS, insertParcel, ownersOfParcel, updateParcelRecord, type EditableColumn } from '../sql/parcels.sql';

type Editable = Partial<Record<EditableColumn, unknown>>;

/** Land codes must be known (legacy codes are accepted and kept as printed). */
function checkCodes(v: Editable): void {
  for (const k of ['legal_land_code', 'current_land_code', 'planned_land_code'] as const) {
    const c = v[k];
    if (typeof c === 'string' && !landCode(c)) throw new HttpError(422, 'UNKNOWN_LAND_CODE', `${k}: unknown land-use code ${c}`, { field: k });
  }
}

const values = (v: Editable) =>
  EDITABLE_COLUMNS.map((k) => (k === 'inventory' ? JSON.stringify(v.inventory ?? {}) : k === 'flags' ? v.flags ?? [] : v[k] ?? null));

export function parcelRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { cluster_id: number; as_of?: string } }>(
    '/api/parcels',
    {
      schema: {
        summary: 'Parcels of a cluster for the map, with their status (as of a date when given, from the event history)',
        tags: ['clearance'],
        querystring: { type: 'object', required: ['cluster_id'], additionalProperties: false, properties: { cluster_id: idSchema, as_of: dateSchema } },
        response: { 200: featureCollectionSchema(mapParcelPropertiesSchema), ...errors },
      },
    },
    async (req) => {
      const today = todayInVietnam();
      const asOf = req.query.as_of && req.query.as_of < today ? req.query.as_of : undefined;
      const parcels = await clusterParcelsAsOf(db.pool, req.query.cluster_id, asOf);
      return {
        type: 'FeatureCollection',
        features: parcels.map(({ row, state, graves }) => ({
          type: 'Feature',
          id: row.id,
          geometry: row.geometry,
          properties: {
            id: row.id, map_sheet_no: row.map_sheet_no, parcel_no: row.parcel_no, legal_land_code: row.legal_land_code,
            current_land_code: row.current_land_code, status: state?.status ?? null, step: state ? STATUS_STEP[state.status] : null,
            flags: row.flags, area_ha: row.area_ha, household_count: row.household_count,
            graves_total: graves.total, graves_relocated: graves.relocated,
            overdue: state ? overdueOf(state, asOf ?? today).map((o) => o.kind) : [],
            version: row.version, is_synthetic: row.is_synthetic, label_point: row.label_point,
          },
        })),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/parcels/:id',
    {
      schema: {
        summary: 'One parcel: record, inventory, money, deadlines, overdue items, allowed actions and event history',
        tags: ['clearance'],
        params: idParams,
        response: { 200: parcelFeatureSchema, ...errors },
      },
    },
    async (req) => readParcel(db.pool, req.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/parcels/:id/owners',
    {
      schema: {
        summary: "Owners and households of a parcel (personal data: sign-in only when accounts are on)",
        tags: ['clearance'],
        params: idParams,
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer' }, owner_name: { type: 'string' }, role: { type: 'string' }, share_pct: { type: ['number', 'null'] },
                household_id: { type: 'integer' }, household_code: { type: 'string' }, household_head: { type: 'string' },
                address: { type: ['string', 'null'] }, members: { type: ['integer', 'null'] },
              },
            },
          },
          ...errors,
        },
      },
    },
    async (req) => {
      const exists = await db.pool.query('SELECT 1 FROM parcels WHERE id = $1', [req.params.id]);
      if (!exists.rowCount) throw new HttpError(404, 'NOT_FOUND', `Parcel ${req.params.id} does not exist`);
      return (await db.pool.query(ownersOfParcel, [req.params.id])).rows;
    },
  );

  app.patch<{ Params: { id: number }; Body: Editable & { version: number } }>(
    '/api/parcels/:id',
    {
      schema: {
        summary: 'Change a parcel record (optimistic locking: a stale version → 409 with the current state)',
        tags: ['clearance'],
        params: idParams,
        body: { type: 'object', required: ['version'], additionalProperties: false, minProperties: 2, properties: { version: versionSchema, ...editableFields } },
        response: { 200: parcelFeatureSchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      checkCodes(patch);
      return withTransaction(db.pool, async (c) => {
        const cur = (await c.query<Editable & { version: number; cluster_id: number; commune_code: string; map_sheet_no: string; parcel_no: string; province_code: string }>(
          `SELECT p.*, cl.province_code FROM parcels p JOIN clusters cl ON cl.id = p.cluster_id WHERE p.id = $1 FOR UPDATE OF p`, [req.params.id])).rows[0];
        if (!cur) throw new HttpError(404, 'NOT_FOUND', `Parcel ${req.params.id} does not exist`);
        if (req.user) assertCanWrite(req, { provinceCode: cur.province_code, communeCodes: [cur.commune_code], clusterId: cur.cluster_id });
        if (cur.version !== version) await staleVersion(c, req.params.id, `tờ ${cur.map_sheet_no} thửa ${cur.parcel_no}`, version, cur.version);
        const before = Object.fromEntries(EDITABLE_COLUMNS.map((k) => [k, cur[k] ?? null]));
        const merged: Editable = { ...before, ...patch };
        await c.query(updateParcelRecord, [req.params.id, version, ...values(merged)]).catch(mapDbError);
        await writeAudit(c, { actor: actorOf(req), action: 'update', entity: 'parcel', entityId: req.params.id, before: { ...before, version }, after: { ...merged, version: version + 1 } });
        return readParcel(c, req.params.id);
      });
    },
  );

  app.post<{ Body: Editable & { cluster_id: number; commune_code: string; map_sheet_no: string; parcel_no: string; planned_on: string; geometry: unknown } }>(
    '/api/parcels',
    {
      schema: {
        summary: 'Add a parcel to a cluster\'s recovery plan (status: in the plan)',
        tags: ['clearance'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['cluster_id', 'commune_code', 'map_sheet_no', 'parcel_no', 'legal_land_code', 'planned_on', 'geometry'],
          properties: {
            cluster_id: idSchema, commune_code: { type: 'string', pattern: '^c?[0-9]{5}$' },
            map_sheet_no: { type: 'string', pattern: '^\\S{1,20}$' }, parcel_no: { type: 'string', pattern: '^\\S{1,20}$' },
            planned_on: dateSchema, geometry: { ...geometrySchema, type: 'object', required: ['type', 'coordinates'] }, ...editableFields,
          },
        },
        response: { 201: parcelFeatureSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      checkCodes(b);
      const g = JSON.stringify(b.geometry);
      const created = await withTransaction(db.pool, async (c) => {
        const target = await clusterTarget(c, b.cluster_id);
        if (req.user) assertCanWrite(req, { ...target, communeCodes: [b.commune_code] });
        const check = await c.query<{ valid: boolean; reason: string; type: string }>(checkGeometry, [g]).catch(() => {
          throw new HttpError(422, 'INVALID_GEOMETRY', 'geometry: not a readable GeoJSON geometry', { field: 'geometry' });
        });
        const v = check.rows[0]!;
        if (!['POLYGON', 'MULTIPOLYGON'].includes(v.type)) throw new HttpError(422, 'INVALID_GEOMETRY', `geometry: a Polygon or MultiPolygon is required, got ${v.type}`, { field: 'geometry' });
        if (!v.valid) throw new HttpError(422, 'INVALID_GEOMETRY', `geometry: ${v.reason}`, { field: 'geometry', reason: v.reason });
        const commune = await c.query("SELECT 1 FROM admin_units WHERE code = $1 AND level = 'commune'", [b.commune_code]);
        if (!commune.rowCount) throw new HttpError(422, 'UNKNOWN_COMMUNE', `commune_code: no commune ${b.commune_code}`, { field: 'commune_code' });
        // Checked first rather than left to the unique constraint: no failed statement inside the transaction.
        const dup = await c.query('SELECT id FROM parcels WHERE commune_code = $1 AND map_sheet_no = $2 AND parcel_no = $3', [b.commune_code, b.map_sheet_no, b.parcel_no]);
        if (dup.rowCount)
          throw new HttpError(409, 'DUPLICATE', `Parcel tờ ${b.map_sheet_no} thửa ${b.parcel_no} already exists in commune ${b.commune_code}`, { id: dup.rows[0].id });
        const { rows } = await c
          .query<{ id: number }>(insertParcel, [b.cluster_id, b.commune_code, b.map_sheet_no, b.parcel_no, ...values(b).slice(0, 9), b.planned_on, g])
          .catch(mapDbError);
        const after = await readParcel(c, rows[0]!.id);
        await writeAudit(c, { actor: actorOf(req), action: 'create', entity: 'parcel', entityId: rows[0]!.id, after: after.properties });
        return after;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { version: number } }>(
    '/api/parcels/:id',
    {
      schema: {
        summary: 'Remove a parcel entered by mistake (only while it has no recorded transition)',
        tags: ['clearance'],
        params: idParams,
        querystring: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: versionSchema } },
        response: { 204: { type: 'null' }, ...errors },
      },
    },
    async (req, reply) => {
      await withTransaction(db.pool, async (c) => {
        const before = await readParcel(c, req.params.id);
        const p = before.properties;
        if (req.user) assertCanWrite(req, { ...(await clusterTarget(c, Number(p.cluster_id))), communeCodes: [String(p.commune_code)] });
        if (p.version !== req.query.version) await staleVersion(c, req.params.id, `tờ ${p.map_sheet_no} thửa ${p.parcel_no}`, req.query.version, Number(p.version));
        if (before.events && before.events.length > 0)
          throw new HttpError(409, 'HAS_HISTORY', `Parcel tờ ${p.map_sheet_no} thửa ${p.parcel_no} has ${before.events.length} recorded transitions; it cannot be removed`);
        await c.query('DELETE FROM parcels WHERE id = $1 AND version = $2', [req.params.id, req.query.version]);
        await writeAudit(c, { actor: actorOf(req), action: 'delete', entity: 'parcel', entityId: req.params.id, before: p });
      });
      return reply.status(204).send();
    },
  );
}
