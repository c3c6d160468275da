import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { foldVietnamese } from '../../src/core/format/text';
import { planeAreaHa } from '../../src/core/geometry/area';
import { describe } from '../../src/core/geometry/issues';
import { repairGeometry } from '../../src/core/geometry/repair';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { toKml } from '../export/kml';
import { markerTableCsv, markerTableXlsx } from '../export/marker-table';
import { toShapefileZip } from '../export/shapefile';
import { defaultTm3Srid } from '../analysis/tm3-zone';
import { errorSchema } from '../schemas/geojson.schema';
import { polygonGeometryInput } from '../schemas/proposal.schema';
import { exportClusters, exportProposal } from '../sql/exports.sql';

type Format = 'geojson' | 'kml' | 'shp' | 'csv' | 'xlsx';
interface ExportQuery {
  format: Format;
  /** Shapefile coordinates: 'wgs84' or 'tm3' (the boundary's TM-3 zone). */
  crs?: 'wgs84' | 'tm3';
  /** Override the TM-3 zone (EPSG) for marker tables and TM-3 Shapefiles. */
  tm3?: number;
  locale?: 'vi' | 'en';
}
type BoundaryFeature = Feature<Polygon | MultiPolygon, Record<string, unknown> & { name: string; tm3_srid?: number }>;

const querySchema = {
  type: 'object',
  required: ['format'],
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['geojson', 'kml', 'shp', 'csv', 'xlsx'] },
    crs: { type: 'string', enum: ['wgs84', 'tm3'], default: 'wgs84', description: 'Shapefile coordinates (GeoJSON and KML are always WGS 84)' },
    tm3: { type: 'integer', description: 'TM-3 zone (EPSG) for marker tables / TM-3 Shapefiles; default: the boundary’s own' },
    locale: { type: 'string', enum: ['vi', 'en'], default: 'vi' },
  },
} as const;

const binary = { type: 'string', description: 'the file' } as const;
const responses = { 200: binary, 400: errorSchema, 404: errorSchema };

/** File name: ASCII-folded, safe. */
const fileBase = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'export';

async function send(reply: FastifyReply, features: BoundaryFeature[], title: string, q: ExportQuery) {
  if (!features.length) throw new HttpError(404, 'NOT_FOUND', 'Nothing to export');
  const tm3 = q.tm3 ?? features[0]!.properties.tm3_srid ?? defaultTm3Srid(features[0]!.geometry);
  if (!/TM-3|UTM/.test(crsByEpsg(tm3)?.name ?? '')) throw new HttpError(400, 'BAD_TM3', `EPSG:${tm3} is not a VN-2000 TM-3 or UTM zone`);
  const base = fileBase(title);
  const locale = q.locale ?? 'vi';
  const attach = (ext: string, type: string, body: string | Buffer) =>
    reply
      .header('Content-Type', type)
      .header('Content-Disposition', `attachment; filename="${base}.${ext}"; filename*=UTF-8''${encodeURIComponent(title)}.${ext}`)
      .send(body);
  const withArea = features.map((f) => ({ ...f, properties: { ...f.properties, plane_ha: Number(planeAreaHa(f.geometry, f.properties.tm3_srid ?? tm3).toFixed(4)) } }));
  switch (q.format) {
    case 'geojson':
      return attach('geojson', 'application/geo+json; charset=utf-8', JSON.stringify({ type: 'FeatureCollection', name: title, features: withArea }));
    case 'kml':
      return attach('kml', 'application/vnd.google-earth.kml+xml; charset=utf-8', toKml(withArea, title));
    case 'shp':
      return attach('zip', 'application/zip', await toShapefileZip(withArea, q.crs === 'tm3' ? tm3 : 4326, base));
    case 'csv':
      return attach('csv', 'text/csv; charset=utf-8', markerTableCsv(features.map((f) => ({ name: f.properties.name, geometry: f.geometry })), tm3, locale));
    case 'xlsx':
      return attach(
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await markerTableXlsx(features.map((f) => ({ name: f.properties.name, geometry: f.geometry })), tm3, locale),
      );
  }
}

/** Exports of clusters, proposals and any set of boundaries: GeoJSON, KML, zipped Shapefile (.prj WGS 84 or TM-3), marker table CSV/XLSX. */
export function exportRoutes(app: FastifyInstance, db: Database): void {
  const load = async (ids: number[] | null) =>
    (await db.pool.query<{ id: number; geometry: Polygon | MultiPolygon; name: string; tm3_srid: number }>(exportClusters, [ids])).rows
      .filter((r) => r.geometry)
      .map((r): BoundaryFeature => ({ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name, tm3_srid: r.tm3_srid } }));

  app.get<{ Params: { id: number }; Querystring: ExportQuery }>('/api/exports/clusters/:id', {
    schema: {
      summary: 'Export a cluster’s current boundary', tags: ['exports'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
      querystring: querySchema, response: responses,
    },
  }, async (req, reply) => {
    const fs = await load([req.params.id]);
    if (!fs.length) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.params.id} does not exist or has no boundary`);
    return send(reply, fs, fs[0]!.properties.name, req.query);
  });

  app.get<{ Querystring: ExportQuery & { ids?: string } }>('/api/exports/clusters', {
    schema: {
      summary: 'Export a set of clusters (all, or ?ids=1,2,3)', tags: ['exports'],
      querystring: { ...querySchema, properties: { ...querySchema.properties, ids: { type: 'string', pattern: '^\\d{1,9}(,\\d{1,9}){0,999}$' } } },
      response: responses,
    },
  }, async (req, reply) => {
    const ids = req.query.ids ? req.query.ids.split(',').map(Number) : null;
    return send(reply, await load(ids), 'cum-cong-nghiep', req.query);
  });

  app.get<{ Params: { id: number }; Querystring: ExportQuery }>('/api/exports/proposals/:id', {
    schema: {
      summary: 'Export a proposal', tags: ['exports'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
      querystring: querySchema, response: responses,
    },
  }, async (req, reply) => {
    const r = (await db.pool.query<{ id: number; name: string; tm3_srid: number; geometry: Polygon | MultiPolygon }>(exportProposal, [req.params.id])).rows[0];
    if (!r) throw new HttpError(404, 'NOT_FOUND', `Proposal ${req.params.id} does not exist`);
    return send(reply, [{ type: 'Feature', id: r.id, geometry: r.geometry, properties: { id: r.id, name: r.name, tm3_srid: r.tm3_srid } }], r.name, req.query);
  });

  app.post<{ Querystring: ExportQuery; Body: { name?: string; features: { geometry: Polygon | MultiPolygon; properties?: { name?: string } }[] } }>('/api/exports', {
    schema: {
      summary: 'Export boundaries sent in the body (a draft, a selection): nothing is stored', tags: ['exports'],
      querystring: querySchema,
      body: {
        type: 'object', required: ['features'], additionalProperties: true,
        properties: {
          name: { type: 'string', maxLength: 200 },
          features: {
            type: 'array', minItems: 1, maxItems: 5000,
            items: { type: 'object', required: ['geometry'], properties: { geometry: polygonGeometryInput, properties: { type: ['object', 'null'] } } },
          },
        },
      },
      response: responses,
    },
  }, async (req, reply) => {
    const title = req.body.name ?? 'ranh-gioi';
    const fs = req.body.features.map((f, i): BoundaryFeature => {
      const r = repairGeometry(f.geometry);
      if (!r.geometry) throw new HttpError(422, 'GEOMETRY_INVALID', `Feature ${i + 1}: ${describe(r.issues[0]!, 'en')}`, { message_vi: `Đối tượng ${i + 1}: ${describe(r.issues[0]!, 'vi')}` });
      return { type: 'Feature', geometry: r.geometry, properties: { name: f.properties?.name ?? `${title} ${i + 1}` } };
    });
    return send(reply, fs, title, req.query);
  });
}
