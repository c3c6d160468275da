import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { parseAreaHa, suggestLandUse, suggestMapping, summariseFields } from '../../src/core/occupancy/import-mapping';
import { PLOT_LAND_USES, isPlotLandUse, type PlotLandUse } from '../../src/core/occupancy/land-use';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { ImportError, readFeatures } from '../import/read-features';
import { assertPlotGeometry, type Polygonal } from '../plots/geometry';
import { clusterOccupancy } from '../plots/occupancy';
import { guardCluster } from '../plots/write';
import { errorSchema } from '../schemas/geojson.schema';
import { idSchema, occupancySchema } from '../schemas/plots.schema';
import { insertPlot, plotCodeTaken } from '../sql/plots.sql';

const MAX_BYTES = 20 * 1024 * 1024;
const MAX_FEATURES = 5000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 413: errorSchema, 415: errorSchema, 422: errorSchema };
const landUseEnum = { type: 'string', enum: [...PLOT_LAND_USES] } as const;
const fieldName = { type: ['string', 'null'], maxLength: 200 } as const;

interface ImportBody {
  cluster_id: number;
  filename?: string;
  mapping: { code: string; land_use?: string | null; plan_area_ha?: string | null; note?: string | null };
  land_use_values?: Record<string, PlotLandUse>;
  default_land_use?: PlotLandUse;
  features: { geometry: Polygonal | { type: string }; properties: Record<string, unknown> | null }[];
}

interface Problem {
  index: number;
  plot_code: string | null;
  code: string;
  message: string;
  details?: unknown;
}

const isPolygonal = (g: unknown): g is Polygonal =>
  !!g && typeof g === 'object' && ((g as { type?: string }).type === 'Polygon' || (g as { type?: string }).type === 'MultiPolygon');

export function plotImportRoutes(app: FastifyInstance, db: Database): void {
  void app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 2, parts: 3 } });

    scope.post<{ Querystring: { crs?: number } }>(
      '/api/plots/import/preview',
      {
        schema: {
          summary: 'Step 1 of a plot import: read a detailed-plan file (GeoJSON, KML/KMZ, zipped Shapefile) and suggest a field mapping. Writes nothing.',
          description: 'multipart/form-data with one part "file"; `crs` = EPSG of the coordinates when the file does not say (e.g. 9215). DXF is not read: export the plan to Shapefile or GeoJSON.',
          tags: ['plots'],
          consumes: ['multipart/form-data'],
          querystring: { type: 'object', additionalProperties: false, properties: { crs: { type: 'integer', minimum: 1, maximum: 99999 } } },
          response: {
            200: {
              type: 'object',
              properties: {
                filename: { type: 'string' },
                format: { type: 'string' },
                crs: { type: 'object', additionalProperties: true },
                warnings: { type: 'array', items: { type: 'string' } },
                count: { type: 'integer' },
                skipped: { type: 'integer', description: 'Features that are not polygons (points, lines)' },
                fields: { type: 'array', items: { type: 'object', additionalProperties: true } },
                suggested: { type: ['object', 'null'], additionalProperties: true },
                land_use_values: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, land_use: { type: ['string', 'null'] } } } },
                features: { type: 'object', additionalProperties: true },
              },
            },
            ...errors,
          },
        },
      },
      async (req) => {
        const crs = req.query.crs;
        if (crs !== undefined && crs !== 4326 && !crsByEpsg(crs)) throw new HttpError(400, 'UNKNOWN_CRS', `EPSG:${crs} is not supported (4326 or a VN-2000 CRS)`);
        if (!req.isMultipart()) throw new HttpError(415, 'NOT_MULTIPART', 'Send the file as multipart/form-data in a part named "file"');
        const part = await req.file();
        if (!part) throw new HttpError(400, 'NO_FILE', 'No file in the upload');
        if (/\.dxf$/i.test(part.filename)) {
          throw new HttpError(415, 'DXF_NOT_SUPPORTED', 'DXF is not read: export the detailed plan to Shapefile (zip) or GeoJSON first');
        }
        let buffer: Buffer;
        try {
          buffer = await part.toBuffer();
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, 'TOO_LARGE', `The file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
          throw e;
        }
        let read;
        try {
          read = await readFeatures(buffer, part.filename, { crs });
        } catch (e) {
          if (e instanceof ImportError) throw new HttpError(e.status, e.code, e.message, { message_vi: e.messageVi, ...(e.details ? { details: e.details } : {}) });
          throw e;
        }
        const polygons = read.features.filter((f) => isPolygonal(f.geometry));
        if (polygons.length > MAX_FEATURES) throw new HttpError(413, 'TOO_MANY_FEATURES', `More than ${MAX_FEATURES} plots in one file`);
        if (!polygons.length) throw new HttpError(422, 'NO_POLYGONS', 'The file holds no polygon: plots must be areas');
        const fields = summariseFields(polygons.map((f) => f.properties));
        const suggested = suggestMapping(fields, polygons.length);
        const useField = fields.find((f) => f.name === suggested?.landUse);
        return {
          filename: part.filename,
          format: read.format,
          crs: read.crs,
          warnings: read.warnings,
          count: polygons.length,
          skipped: read.features.length - polygons.length,
          fields,
          suggested,
          land_use_values: (useField?.values ?? []).map((value) => ({ value, land_use: suggestLandUse(value) })),
          features: { type: 'FeatureCollection', features: polygons.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })) },
        };
      },
    );
  });

  app.post<{ Body: ImportBody }>(
    '/api/plots/import',
    {
      schema: {
        summary: 'Step 2 of a plot import: create the plots with the confirmed field mapping — all or none (every refusal listed with plot code and location)',
        tags: ['plots'],
        body: {
          type: 'object',
          required: ['cluster_id', 'mapping', 'features'],
          additionalProperties: false,
          properties: {
            cluster_id: idSchema,
            filename: { type: 'string', maxLength: 300 },
            mapping: {
              type: 'object',
              required: ['code'],
              additionalProperties: false,
              properties: { code: { type: 'string', minLength: 1, maxLength: 200 }, land_use: fieldName, plan_area_ha: fieldName, note: fieldName },
            },
            land_use_values: { type: 'object', additionalProperties: landUseEnum, maxProperties: 500 },
            default_land_use: landUseEnum,
            features: {
              type: 'array',
              minItems: 1,
              maxItems: MAX_FEATURES,
              items: {
                type: 'object',
                required: ['geometry'],
                properties: {
                  type: { type: 'string', enum: ['Feature'] },
                  geometry: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
                  properties: { type: ['object', 'null'], additionalProperties: true },
                },
              },
            },
          },
        },
        response: {
          201: { type: 'object', properties: { created: { type: 'integer' }, codes: { type: 'array', items: { type: 'string' } }, occupancy: occupancySchema } },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const result = await withTransaction(db.pool, async (c) => {
        await guardCluster(req, c, b.cluster_id);
        const problems: Problem[] = [];
        const seen = new Set<string>();
        const codes: string[] = [];
        for (const [index, f] of b.features.entries()) {
          const props = f.properties ?? {};
          const raw = props[b.mapping.code];
          const code = raw === null || raw === undefined ? '' : String(raw).trim();
          const problem = (pcode: string, message: string, details?: unknown) =>
            problems.push({ index, plot_code: code || null, code: pcode, message, ...(details ? { details } : {}) });
          if (!code || code.length > 40) { problem('NO_CODE', `Feature ${index + 1}: no usable plot code in field ${b.mapping.code}`); continue; }
          if (seen.has(code)) { problem('DUPLICATE_CODE', `Plot code ${code} appears twice in the file`); continue; }
          seen.add(code);
          const label = b.mapping.land_use ? props[b.mapping.land_use] : undefined;
          const labelText = label === null || label === undefined ? '' : String(label).trim();
          const landUse = (labelText && (b.land_use_values?.[labelText] ?? suggestLandUse(labelText))) || b.default_land_use;
          if (!landUse || !isPlotLandUse(landUse)) { problem('UNMAPPED_LAND_USE', `Plot ${code}: land use "${labelText}" is not mapped`, { value: labelText }); continue; }
          if (!isPolygonal(f.geometry)) { problem('NOT_POLYGON', `Plot ${code}: ${f.geometry.type} is not an area`); continue; }
          if ((await c.query(plotCodeTaken, [b.cluster_id, code, null])).rowCount) { problem('DUPLICATE_CODE', `Plot code ${code} already exists in this cluster`); continue; }
          try {
            await assertPlotGeometry(c, { clusterId: b.cluster_id, code, geometry: f.geometry });
          } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            problem(e.code, e.message, e.details);
            continue;
          }
          const area = b.mapping.plan_area_ha ? parseAreaHa(props[b.mapping.plan_area_ha]) : null;
          const note = b.mapping.note && props[b.mapping.note] != null ? String(props[b.mapping.note]).slice(0, 2000) : null;
          await c.query(insertPlot, [b.cluster_id, code, landUse, area, note, JSON.stringify(props), JSON.stringify(f.geometry)]);
          codes.push(code);
        }
        if (problems.length) {
          throw new HttpError(422, 'IMPORT_REFUSED', `${problems.length} of ${b.features.length} plots refused; nothing was imported. First: ${problems[0]!.message}`, { problems });
        }
        await writeAudit(c, {
          actor: actorOf(req), action: 'import', entity: 'plot', entityId: null,
          after: { cluster_id: b.cluster_id, filename: b.filename ?? null, mapping: b.mapping, codes },
        });
        return { created: codes.length, codes, occupancy: await clusterOccupancy(c, b.cluster_id) };
      });
      return reply.status(201).send(result);
    },
  );
}
