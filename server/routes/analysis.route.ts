import type { FastifyInstance, FastifyReply } from 'fastify';
import { runCompare, type CompareRequest } from '../analysis/compare';
import { runConflictCheck, type ConflictRequest } from '../analysis/conflicts';
import {
  compareRequestSchema,
  compareResponseSchema,
  conflictRequestSchema,
  conflictResponseSchema,
  reportRequestSchema,
  trimRequestSchema,
  trimResponseSchema,
} from '../analysis/schemas';
import { runTrim, type TrimRequest } from '../analysis/trim';
import { withReadSnapshot, type Database } from '../db/database';
import { withSharedSnapshot } from '../db/snapshot';
import { stringifyWithRaw } from '../http/raw-json';
import { HttpError } from '../errors';
import { conflictReportFile } from '../reports/conflict-report';
import { errorSchema } from '../schemas/geojson.schema';
import { featuresInBox } from '../sql/analysis.sql';
import { RULE_SETS } from '../../src/core/rules/rule-sets';

/** Boundaries up to MAX_VERTICES fit easily; a larger body still reaches the validator for a clear refusal. */
const ANALYSIS_BODY_LIMIT = 32 * 1024 * 1024;
/** Most features the live analysis loads for one view. */
const MAX_FEATURES_IN_VIEW = 20_000;

const errors = { 400: errorSchema, 404: errorSchema, 413: errorSchema, 422: errorSchema };

const readOnly = <T>(db: Database, fn: (c: import('pg').PoolClient) => Promise<T>) => withReadSnapshot(db.pool, fn);
/** The conflict check in one snapshot, what the rules read beside the overlap statement (server/db/snapshot.ts). */
const conflictCheck = (db: Database, req: ConflictRequest, out: { rawOutlines?: boolean } = {}) =>
  withSharedSnapshot(db, (c, alongside) => runConflictCheck(c, req, alongside, out));

function sendReport(reply: FastifyReply, file: { body: Buffer; contentType: string; fileName: string }) {
  const ascii = file.fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.-]+/g, '_');
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.body);
}

export function analysisRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Body: ConflictRequest }>(
    '/api/analysis/conflicts',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      schema: {
        summary: 'Conflict check: overlap with plan layers and other clusters (TM-3 plane), and the legal rules on a date',
        tags: ['analysis'],
        body: conflictRequestSchema,
        response: { 200: conflictResponseSchema, ...errors },
      },
    },
    // Written here, with the outlines as PostGIS wrote them (server/http/raw-json.ts); the 200 schema
    // documents the reply, and the API tests check replies against it.
    async (req, reply) => reply.type('application/json; charset=utf-8').send(stringifyWithRaw(await conflictCheck(db, req.body, { rawOutlines: true }))),
  );

  app.post<{ Body: TrimRequest }>(
    '/api/analysis/trim',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      schema: {
        summary: 'Trim to buildable: the boundary minus blocking land (optionally minus land needing approval)',
        tags: ['analysis'],
        body: trimRequestSchema,
        response: { 200: trimResponseSchema, ...errors },
      },
    },
    async (req) => readOnly(db, (c) => runTrim(c, req.body)),
  );

  app.post<{ Body: CompareRequest }>(
    '/api/analysis/compare',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      schema: {
        summary: 'Compare two to four scenarios: area, overlap by category, rules, parcels and compensation',
        tags: ['analysis'],
        body: compareRequestSchema,
        response: { 200: compareResponseSchema, ...errors },
      },
    },
    async (req) => ({ scenarios: await readOnly(db, (c) => runCompare(c, req.body)) }),
  );

  app.post<{ Body: ConflictRequest & { format?: 'pdf' | 'xlsx' } }>(
    '/api/analysis/report',
    {
      bodyLimit: ANALYSIS_BODY_LIMIT,
      schema: {
        summary: 'The conflict report: printable A4 PDF in Vietnamese, or the tables as XLSX',
        tags: ['analysis'],
        body: reportRequestSchema,
        response: errors,
      },
    },
    async (req, reply) => {
      const { format = 'pdf', ...body } = req.body;
      const result = await conflictCheck(db, { ...body, options: { ...body.options, includeGeometry: true } });
      return sendReport(reply, await conflictReportFile(result, format));
    },
  );

  app.get<{ Querystring: { clusterId?: number; proposalId?: number; format?: 'pdf' | 'xlsx'; date?: string } }>(
    '/api/analysis/report',
    {
      schema: {
        summary: 'The conflict report of a saved cluster or proposal (download link)',
        tags: ['analysis'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            clusterId: { type: 'integer', minimum: 1, maximum: 2147483647 },
            proposalId: { type: 'integer', minimum: 1, maximum: 2147483647 },
            format: { type: 'string', enum: ['pdf', 'xlsx'] },
            date: { type: 'string', format: 'date' },
          },
        },
        response: errors,
      },
    },
    async (req, reply) => {
      const { clusterId, proposalId, format = 'pdf', date } = req.query;
      const subject = clusterId !== undefined ? { clusterId } : proposalId !== undefined ? { proposalId } : undefined;
      if (!subject || (clusterId !== undefined && proposalId !== undefined))
        throw new HttpError(400, 'BAD_SUBJECT', 'Give exactly one of clusterId or proposalId');
      const result = await conflictCheck(db, { ...subject, options: { date, includeGeometry: true } });
      return sendReport(reply, await conflictReportFile(result, format));
    },
  );

  app.get<{ Querystring: { bbox: string } }>(
    '/api/analysis/features',
    {
      schema: {
        summary: 'Plan zones and cluster boundaries in a box, for the browser’s live overlap estimate',
        tags: ['analysis'],
        querystring: {
          type: 'object',
          required: ['bbox'],
          additionalProperties: false,
          properties: { bbox: { type: 'string', pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$', description: 'minLon,minLat,maxLon,maxLat' } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              type: { type: 'string' },
              truncated: { type: 'boolean' },
              features: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          400: errorSchema,
        },
      },
    },
    async (req) => {
      const b = req.query.bbox.split(',').map(Number) as [number, number, number, number];
      if (b.some((v) => !Number.isFinite(v)) || b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90)
        throw new HttpError(400, 'BAD_BBOX', 'bbox must be minLon,minLat,maxLon,maxLat with min < max, in range');
      if ((b[2] - b[0]) * (b[3] - b[1]) > 4) throw new HttpError(400, 'BBOX_TOO_LARGE', 'bbox is larger than 4 square degrees: zoom in');
      const { rows } = await db.pool.query<{ id: number; layer_id: string; land_code: string; original_code: string | null; name: string | null; geometry: unknown }>(
        featuresInBox,
        [...b, MAX_FEATURES_IN_VIEW + 1],
      );
      return {
        type: 'FeatureCollection',
        truncated: rows.length > MAX_FEATURES_IN_VIEW,
        features: rows.slice(0, MAX_FEATURES_IN_VIEW).map(({ geometry, ...p }) => ({ type: 'Feature', id: `${p.layer_id}:${p.id}`, geometry, properties: p })),
      };
    },
  );

  app.get(
    '/api/analysis/rule-sets',
    {
      schema: {
        summary: 'The legal rule sets with their effective dates and thresholds (configuration)',
        tags: ['analysis'],
        response: { 200: { type: 'object', properties: { ruleSets: { type: 'array', items: { type: 'object', additionalProperties: true } } } } },
      },
    },
    async () => ({ ruleSets: RULE_SETS }),
  );
}
