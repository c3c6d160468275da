import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { postgisCheck } from '../import/postgis-check';
import { processFeatures } from '../import/process';
import { ImportError, readFeatures } from '../import/read-features';
import { errorSchema } from '../schemas/geojson.schema';
import { importResultSchema } from '../schemas/import.schema';

/** Largest upload accepted (bytes). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

interface ImportQuery {
  tm3?: number;
  crs?: number;
}

export function importRoutes(app: FastifyInstance, db: Database): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } });

    scope.post<{ Querystring: ImportQuery }>(
      '/api/imports',
      {
        schema: {
          summary: 'Read a boundary file (GeoJSON, KML, KMZ, zipped Shapefile, CSV): each feature with its repairs or refusal, plane and ellipsoidal area. Writes nothing.',
          description:
            'multipart/form-data with one part "file". `tm3` forces the TM-3 zone used for plane areas (else detected from the province); `crs` gives the source CRS when the file does not (Shapefile without .prj, projected CSV). Send `Accept: application/x-ndjson` for progress lines before the result.',
          tags: ['imports'],
          consumes: ['multipart/form-data'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              tm3: { type: 'integer', description: 'EPSG code of a VN-2000 TM-3 zone (9205–9218, 5897–5899)' },
              crs: { type: 'integer', description: 'EPSG code of the source coordinates (4326 or a VN-2000 CRS)' },
            },
          },
          response: { 200: importResultSchema, 400: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema },
        },
      },
      async (req, reply) => {
        const { tm3, crs } = req.query;
        if (tm3 !== undefined && !(crsByEpsg(tm3) && /TM-3/.test(crsByEpsg(tm3)!.name)))
          throw new HttpError(400, 'BAD_TM3', `EPSG:${tm3} is not a VN-2000 TM-3 zone`, { message_vi: `EPSG:${tm3} không phải múi TM-3 VN-2000` });
        if (crs !== undefined && crs !== 4326 && !crsByEpsg(crs))
          throw new HttpError(400, 'UNKNOWN_CRS', `EPSG:${crs} is not supported (4326 or a VN-2000 CRS)`, { message_vi: `Không hỗ trợ EPSG:${crs}` });
        if (!req.isMultipart()) throw new HttpError(415, 'NOT_MULTIPART', 'Send the file as multipart/form-data in a part named "file"');
        const part = await req.file();
        if (!part) throw new HttpError(400, 'NO_FILE', 'No file in the upload', { message_vi: 'Không có tệp nào được gửi' });
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new HttpError(413, 'TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, { message_vi: 'Tệp quá lớn (tối đa 50 MB)' });
          throw e;
        }
        const stream = String(req.headers.accept ?? '').includes('application/x-ndjson');
        const progress = stream ? startStream(reply) : undefined;
        try {
          const read = await readFeatures(buffer, part.filename, {
            crs,
            onProgress: (stage, done, total) => progress?.({ type: 'progress', stage, done, total }),
          });
          const features = processFeatures(read.features, {
            tm3,
            nativeWinding: read.format === 'shapefile',
            onProgress: (done, total) => progress?.({ type: 'progress', stage: 'check', done, total }),
          });
          await postgisCheck(db.pool, features);
          const result = {
            filename: part.filename,
            format: read.format,
            crs: read.crs,
            warnings: read.warnings,
            summary: {
              total: features.length,
              ok: features.filter((f) => f.status === 'ok').length,
              repaired: features.filter((f) => f.status === 'repaired').length,
              refused: features.filter((f) => f.status === 'refused').length,
            },
            features,
          };
          if (!progress) return result;
          progress({ type: 'result', result });
          reply.raw.end();
          return reply;
        } catch (e) {
          const err =
            e instanceof ImportError
              ? new HttpError(e.status, e.code, e.message, { message_vi: e.messageVi, details: e.details })
              : new HttpError(400, 'CORRUPT_FILE', `The file could not be read: ${(e as Error).message}`, { message_vi: 'Không đọc được tệp: tệp bị hỏng hoặc sai định dạng' });
          if (!progress) throw err;
          progress({ type: 'error', error: { code: err.code, message: err.message, details: err.details }, status: err.statusCode });
          reply.raw.end();
          return reply;
        }
      },
    );
  });
}

/** Switches the reply to NDJSON: one JSON object per line, flushed as it goes. */
function startStream(reply: FastifyReply): (obj: object) => void {
  reply.hijack();
  reply.raw.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  return (obj) => reply.raw.write(`${JSON.stringify(obj)}\n`);
}
