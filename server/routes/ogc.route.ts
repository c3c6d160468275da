import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { parseBbox } from '../http/bbox';
import { extentSql, findCollection, itemSql, itemsSql, OGC_COLLECTIONS, type OgcCollection } from '../ogc/collections';
import { CONFORMANCE, CRS84, GEOJSON, JSON_TYPE, pagingLinks, type OgcLink } from '../ogc/links';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
/** Query parameters of items besides the collection's queryables. */
const ITEMS_PARAMS = new Set(['bbox', 'limit', 'offset', 'f']);

const anyObject = { type: 'object', additionalProperties: true } as const;
const ogcResponse = (description: string) => ({ 200: { description, ...anyObject } });

/** Absolute base URL of this server as the client reached it. */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? `${req.hostname}`}`;

function collectionNotFound(id: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No collection ${id}; collections: ${OGC_COLLECTIONS.map((c) => c.id).join(', ')}`);
}

async function describe(db: Database, c: OgcCollection, base: string) {
  const e = (await db.pool.query<{ x0: number | null; y0: number; x1: number; y1: number }>(extentSql(c))).rows[0];
  const bbox = e && e.x0 !== null ? [[e.x0, e.y0, e.x1, e.y1]] : [[-180, -90, 180, 90]];
  const self = `${base}/ogc/collections/${c.id}`;
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    itemType: 'feature',
    extent: { spatial: { bbox, crs: CRS84 } },
    crs: [CRS84],
    storageCrs: CRS84,
    links: [
      { href: self, rel: 'self', type: JSON_TYPE, title: c.title },
      { href: `${self}/items`, rel: 'items', type: GEOJSON, title: `${c.title}: features` },
    ] satisfies OgcLink[],
  };
}

/** A row (fid, properties…, geometry) as a GeoJSON feature. */
function feature(row: Record<string, unknown>) {
  const { fid, geometry, ...properties } = row;
  return { type: 'Feature', id: fid, geometry, properties };
}

/**
 * OGC API – Features, Part 1 (Core + GeoJSON) under /ogc: landing page, conformance, collections
 * (clusters, plan zones, administrative units by level), items with bbox / limit / offset and
 * next / prev links, one item. Readable by QGIS and GDAL's OAPIF driver.
 */
export function ogcRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/ogc',
    { schema: { summary: 'OGC API – Features landing page', tags: ['ogc'], response: ogcResponse('Landing page') } },
    async (req) => {
      const base = baseUrl(req);
      return {
        title: 'ccn-map — OGC API – Features',
        description: 'Industrial clusters, provincial plan zones and administrative units of the province (EPSG:4326 / CRS84).',
        links: [
          { href: `${base}/ogc`, rel: 'self', type: JSON_TYPE, title: 'this document' },
          { href: `${base}/api/openapi.json`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'OpenAPI definition' },
          { href: `${base}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'API documentation' },
          { href: `${base}/ogc/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'conformance classes' },
          { href: `${base}/ogc/collections`, rel: 'data', type: JSON_TYPE, title: 'feature collections' },
        ],
      };
    },
  );

  app.get(
    '/ogc/conformance',
    { schema: { summary: 'OGC API – Features conformance classes', tags: ['ogc'], response: ogcResponse('Conformance') } },
    async () => ({ conformsTo: CONFORMANCE }),
  );

  app.get(
    '/ogc/collections',
    { schema: { summary: 'OGC API – Features collections', tags: ['ogc'], response: ogcResponse('Collections') } },
    async (req) => {
      const base = baseUrl(req);
      return {
        links: [{ href: `${base}/ogc/collections`, rel: 'self', type: JSON_TYPE, title: 'collections' }],
        collections: await Promise.all(OGC_COLLECTIONS.map((c) => describe(db, c, base))),
      };
    },
  );

  app.get<{ Params: { cid: string } }>(
    '/ogc/collections/:cid',
    {
      schema: {
        summary: 'One OGC API – Features collection',
        tags: ['ogc'],
        params: { type: 'object', required: ['cid'], properties: { cid: { type: 'string', maxLength: 60 } } },
        response: ogcResponse('Collection'),
      },
    },
    async (req) => {
      const c = findCollection(req.params.cid);
      if (!c) throw collectionNotFound(req.params.cid);
      return describe(db, c, baseUrl(req));
    },
  );

  app.get<{ Params: { cid: string }; Querystring: Record<string, string> }>(
    '/ogc/collections/:cid/items',
    {
      schema: {
        summary: 'Features of a collection (GeoJSON), with bbox, limit, offset and paging links',
        tags: ['ogc'],
        params: { type: 'object', required: ['cid'], properties: { cid: { type: 'string', maxLength: 60 } } },
        querystring: {
          type: 'object',
          additionalProperties: { type: 'string', maxLength: 200 },
          properties: {
            bbox: { type: 'string', description: 'minLon,minLat,maxLon,maxLat (CRS84)' },
            limit: { type: 'string', pattern: '^[0-9]{1,9}$', description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT} (larger values are capped)` },
            offset: { type: 'string', pattern: '^[0-9]{1,9}$', description: 'features to skip, default 0' },
          },
        },
        response: ogcResponse('GeoJSON FeatureCollection'),
      },
    },
    async (req, reply) => {
      const c = findCollection(req.params.cid);
      if (!c) throw collectionNotFound(req.params.cid);
      const q = req.query;
      const unknown = Object.keys(q).filter((k) => !ITEMS_PARAMS.has(k) && !(k in c.queryables));
      if (unknown.length)
        throw new HttpError(400, 'VALIDATION', `Unknown query parameter(s): ${unknown.join(', ')}; allowed: ${[...ITEMS_PARAMS, ...Object.keys(c.queryables)].join(', ')}`);
      const limit = q.limit === undefined ? DEFAULT_LIMIT : Math.min(Number(q.limit), MAX_LIMIT);
      if (!(limit >= 1)) throw new HttpError(400, 'VALIDATION', 'limit must be at least 1');
      const offset = q.offset === undefined ? 0 : Number(q.offset);
      const bbox = parseBbox(q.bbox);
      const filters = Object.entries(q).filter(([k]) => k in c.queryables);
      const sql = itemsSql(c, { bbox, filters, limit, offset });
      const [rows, count] = await Promise.all([db.pool.query(sql.items, sql.values), db.pool.query<{ n: number }>(sql.count, sql.countValues)]);
      const base = baseUrl(req);
      const itemsUrl = `${base}/ogc/collections/${c.id}/items`;
      const keep = Object.fromEntries(Object.entries(q).filter(([k]) => k !== 'offset' && k !== 'limit'));
      reply.type(GEOJSON);
      return {
        type: 'FeatureCollection',
        features: rows.rows.map(feature),
        numberMatched: count.rows[0]!.n,
        numberReturned: rows.rowCount ?? rows.rows.length,
        timeStamp: new Date().toISOString(),
        links: [
          ...pagingLinks(itemsUrl, keep, offset, limit, count.rows[0]!.n),
          { href: `${base}/ogc/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: c.title },
        ],
      };
    },
  );

  app.get<{ Params: { cid: string; fid: string } }>(
    '/ogc/collections/:cid/items/:fid',
    {
      schema: {
        summary: 'One feature of a collection (GeoJSON)',
        tags: ['ogc'],
        params: {
          type: 'object',
          required: ['cid', 'fid'],
          properties: { cid: { type: 'string', maxLength: 60 }, fid: { type: 'string', pattern: '^[0-9A-Za-z_-]{1,40}$' } },
        },
        response: ogcResponse('GeoJSON Feature'),
      },
    },
    async (req, reply) => {
      const c = findCollection(req.params.cid);
      if (!c) throw collectionNotFound(req.params.cid);
      const { fid } = req.params;
      if (c.idType === 'integer' && !/^[0-9]{1,9}$/.test(fid)) throw new HttpError(404, 'NOT_FOUND', `No feature ${fid} in ${c.id}`);
      const { rows } = await db.pool.query(itemSql(c), [c.idType === 'integer' ? Number(fid) : fid]);
      if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `No feature ${fid} in ${c.id}`);
      const base = baseUrl(req);
      reply.type(GEOJSON);
      return {
        ...feature(rows[0]),
        links: [
          { href: `${base}/ogc/collections/${c.id}/items/${encodeURIComponent(fid)}`, rel: 'self', type: GEOJSON },
          { href: `${base}/ogc/collections/${c.id}`, rel: 'collection', type: JSON_TYPE },
        ],
      };
    },
  );
}
