import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { IMPORT_FIELDS, type FieldMapping } from '../clearance/import-mapping';
import { previewImport, runImport, type ImportInput } from '../clearance/import-run';
import { dateSchema, errors, idSchema } from '../clearance/schemas';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { ImportError } from '../import/read-features';

const MAX_BYTES = 50 * 1024 * 1024;

/** col_<field>=<column of the file>: the field mapping, one query parameter per field. */
const mappingParams = Object.fromEntries(IMPORT_FIELDS.map((f) => [`col_${f}`, { type: 'string', minLength: 1, maxLength: 100, description: `Column holding ${f}` }]));

const query = {
  type: 'object',
  required: ['cluster_id'],
  additionalProperties: false,
  properties: {
    cluster_id: idSchema,
    crs: { type: 'integer', description: 'EPSG of the coordinates when the file does not say (Shapefile without .prj, CSV X/Y; default for CSV X/Y: the cluster\'s TM-3 zone)' },
    planned_on: { ...dateSchema, description: 'Date the parcels enter the recovery plan (default today)' },
    commune_code: { type: 'string', pattern: '^c?[0-9]{5}$', description: 'Commune of rows without a commune column (default: the cluster\'s first commune)' },
    planned_land_code: { type: 'string', pattern: '^[A-Z]{2,4}$', description: 'Planned use of rows without one (default SKN)' },
    ...mappingParams,
  },
} as const;

type Query = { cluster_id: number; crs?: number; planned_on?: string; commune_code?: string; planned_land_code?: string } & Record<string, unknown>;

async function input(req: FastifyRequest<{ Querystring: Query }>): Promise<ImportInput> {
  const q = req.query;
  if (q.crs !== undefined && q.crs !== 4326 && !crsByEpsg(q.crs)) throw new HttpError(400, 'UNKNOWN_CRS', `EPSG:${q.crs} is not supported (4326 or a VN-2000 CRS)`);
  if (!req.isMultipart()) throw new HttpError(415, 'NOT_MULTIPART', 'Send the file as multipart/form-data in a part named "file"');
  const part = await req.file();
  if (!part) throw new HttpError(400, 'NO_FILE', 'No file in the upload');
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'TOO_LARGE', `The file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    throw e;
  }
  const mapping: FieldMapping = {};
  for (const f of IMPORT_FIELDS) if (typeof q[`col_${f}`] === 'string') mapping[f] = q[`col_${f}`] as string;
  return {
    clusterId: q.cluster_id, filename: part.filename, buffer, mapping, crs: q.crs, plannedOn: q.planned_on,
    communeCode: q.commune_code, plannedLandCode: q.planned_land_code,
  };
}

const asHttp = (e: unknown): HttpError =>
  e instanceof HttpError ? e
  : e instanceof ImportError ? new HttpError(e.status, e.code, e.message, { message_vi: e.messageVi, details: e.details })
  : new HttpError(400, 'CORRUPT_FILE', `The file could not be read: ${(e as Error).message}`, { message_vi: 'Không đọc được tệp' });

/** NDJSON: one JSON object per line, flushed as it goes (progress of large imports). */
function stream(reply: FastifyReply): (obj: object) => void {
  reply.hijack();
  reply.raw.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  return (obj) => reply.raw.write(`${JSON.stringify(obj)}\n`);
}

export function parcelImportRoutes(app: FastifyInstance, db: Database): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 2, parts: 3 } });

    scope.post<{ Querystring: Query }>(
      '/api/parcels/imports/preview',
      {
        schema: {
          summary: 'Preview a cadastral file (zipped Shapefile with .prj, GeoJSON, CSV with coordinates): columns, suggested field mapping, first rows mapped with their problems. Writes nothing.',
          tags: ['clearance'],
          consumes: ['multipart/form-data'],
          querystring: query,
          response: { 200: { type: 'object', additionalProperties: true }, ...errors, 413: errors[400], 415: errors[400] },
        },
      },
      async (req) => {
        try {
          return await previewImport(db.pool, await input(req));
        } catch (e) {
          throw asHttp(e);
        }
      },
    );

    scope.post<{ Querystring: Query }>(
      '/api/parcels/imports',
      {
        schema: {
          summary: 'Import parcels into a cluster: new ones created, existing ones (commune, sheet, parcel) updated with their history kept; one broken row refuses the whole file, naming the row',
          description: 'multipart/form-data with one part "file"; the mapping as col_<field>=<column>. Send `Accept: application/x-ndjson` for progress lines ({type:"progress",stage,done,total}) before the result line.',
          tags: ['clearance'],
          consumes: ['multipart/form-data'],
          querystring: query,
          response: { 200: { type: 'object', additionalProperties: true }, ...errors, 413: errors[400], 415: errors[400] },
        },
      },
      async (req, reply) => {
        const data = await input(req).catch((e: unknown) => Promise.reject(asHttp(e)));
        const ndjson = String(req.headers.accept ?? '').includes('application/x-ndjson');
        if (!ndjson) {
          try {
            return await runImport(db.pool, actorOf(req), data);
          } catch (e) {
            throw asHttp(e);
          }
        }
        const send = stream(reply);
        let last = 0;
        try {
          const result = await runImport(db.pool, actorOf(req), data, (stage, done, total) => {
            const now = Date.now();
            if (done === total || now - last > 100) {
              last = now;
              send({ type: 'progress', stage, done, total });
            }
          });
          send({ type: 'result', result });
        } catch (e) {
          const err = asHttp(e);
          send({ type: 'error', status: err.statusCode, error: { code: err.code, message: err.message, details: err.details } });
        }
        reply.raw.end();
        return reply;
      },
    );
  });
}
