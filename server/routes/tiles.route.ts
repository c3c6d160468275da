import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { errorSchema } from '../schemas/geojson.schema';
import { TILE_COLLECTIONS, collectionIds } from '../tiles/collections';
import { createTileRenderer, type TileFilters } from '../tiles/render';
import { checkTile } from '../tiles/tile-math';

interface TileParams {
  collection: string;
  z: number;
  x: number;
  y: number;
}

/** Every filter any collection accepts (each collection checks its own below). */
const filterProperties = Object.fromEntries(
  Object.values(TILE_COLLECTIONS).flatMap((c) => Object.entries(c.filters).map(([name, f]) => [name, { ...f.schema, description: `${f.description} (${c.id})` }])),
);

/**
 * Mapbox Vector Tiles of plan zones and parcels. ETag = the collection's change counter
 * (bumped by triggers on every write, read in the same statement as the tile), so
 * `If-None-Match` answers 304 without drawing the tile and an edit shows in the very next
 * request; `Cache-Control: no-cache` makes browsers and CDNs revalidate every time.
 */
export function tileRoutes(app: FastifyInstance, db: Database): void {
  const renderer = createTileRenderer(db);
  app.get<{ Params: TileParams; Querystring: Record<string, string | number | undefined> }>(
    '/tiles/:collection/:z/:x/:y.mvt',
    {
      // Tiles are binary data for the map, fetched hundreds at a time: no page headers (CSP and the
      // like, ~12 per response); the two that matter for data are set below.
      helmet: false,
      schema: {
        summary: 'Vector tile (MVT) of a collection: plan_zones (generalised below z13) or parcels',
        description:
          'Web-Mercator XYZ tile, extent 4096, buffer 64. One layer named after the collection; the feature id is the row id. ' +
          'Plan zones at zoom ≤ 12 are dissolved by (plan layer, land code) and carry `generalised: true` and no id. ' +
          '204 when the tile is empty.',
        tags: ['tiles'],
        params: {
          type: 'object',
          required: ['collection', 'z', 'x', 'y'],
          properties: {
            collection: { type: 'string', pattern: '^[a-z_]{1,40}$', description: `One of: ${collectionIds().join(', ')}` },
            z: { type: 'integer', minimum: 0, maximum: 22 },
            x: { type: 'integer', minimum: 0 },
            y: { type: 'integer', minimum: 0 },
          },
        },
        querystring: { type: 'object', additionalProperties: false, properties: filterProperties },
        response: {
          200: {
            description: 'The tile (application/vnd.mapbox-vector-tile)',
            content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } },
          },
          204: { description: 'Empty tile', type: 'null' },
          304: { description: 'Not modified (If-None-Match matched the current ETag)', type: 'null' },
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { collection, z, x, y } = req.params;
      const c = TILE_COLLECTIONS[collection];
      if (!c) throw new HttpError(404, 'NOT_FOUND', `Unknown tile collection "${collection}"; known: ${collectionIds().join(', ')}`);
      const bad = checkTile(z, x, y);
      if (bad) throw new HttpError(400, 'BAD_TILE', `Tile ${z}/${x}/${y} does not exist: ${bad}`);
      const filters: TileFilters = {};
      for (const [name, value] of Object.entries(req.query)) {
        if (!c.filters[name])
          throw new HttpError(400, 'BAD_FILTER', `Collection ${c.id} has no filter "${name}"; it accepts: ${Object.keys(c.filters).join(', ') || 'none'}`);
        filters[name] = value;
      }
      reply
        .header('Cache-Control', 'public, no-cache')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cross-Origin-Resource-Policy', 'same-origin');
      // A conditional request costs one small query when nothing changed (304, no drawing).
      const inm = req.headers['if-none-match'];
      if (inm) {
        const etag = await renderer.etag(c, filters);
        if (inm.split(',').some((t) => t.trim() === etag)) return reply.header('ETag', etag).status(304).send();
      }
      const tile = await renderer.render(c, z, x, y, filters);
      reply.header('ETag', tile.etag);
      reply.header('X-Tile-Features', String(tile.features));
      if (!tile.features) return reply.status(204).send();
      return reply.type('application/vnd.mapbox-vector-tile').send(tile.data);
    },
  );
}
