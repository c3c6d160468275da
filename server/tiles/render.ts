/**
 * Vector tiles, the ONE place where the two databases differ: on a PostGIS server the tile is
 * encoded by ST_AsMVT; on the embedded PGlite (no ST_AsMVT: `capabilities.asMvt` is false) the
 * same SQL clips, simplifies and snaps the geometry in tile units and JS encodes the rows.
 * Everything else (allow-list, envelope filter, generalisation, overview, versions) is shared.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Database } from '../db/database';
import type { TileCollection } from './collections';
import { encodeMvt, readWkbPolygons, toMvtRings, type TileFeature } from './encode';
import { ensureOverview } from './overview';
import { overviewLevel, overviewTileQuery, rawTileQuery, type TileEncoding, type TileQuery } from './sql';
import { cellRange } from './tile-math';

/** Bumped when the tile format changes, so clients drop tiles cached under an older format. */
export const TILE_FORMAT = 1;

export type TileFilters = Record<string, string | number | undefined>;

export interface RenderedTile {
  data: Buffer;
  features: number;
}

export interface TileRenderer {
  encoding: TileEncoding;
  /** The collection's current version as an ETag (changes with every write to its table). */
  etag(c: TileCollection, filters: TileFilters): Promise<string>;
  render(c: TileCollection, z: number, x: number, y: number, filters: TileFilters): Promise<RenderedTile>;
}

const EMPTY: RenderedTile = { data: Buffer.alloc(0), features: 0 };

/** The query of a tile: from the overview at low zoom (after making it current), else full detail. */
async function tileQuery(pool: pg.Pool, c: TileCollection, z: number, x: number, y: number, f: TileFilters, enc: TileEncoding): Promise<TileQuery> {
  if (c.overviewMaxZoom === undefined || z > c.overviewMaxZoom) return rawTileQuery(c, z, x, y, f, enc);
  const level = overviewLevel(z);
  const r = cellRange(z, x, y, level);
  const s = 2 ** (13 - level);
  await ensureOverview(pool, { x0: r.x0 * s, x1: (r.x1 + 1) * s - 1, y0: r.y0 * s, y1: (r.y1 + 1) * s - 1 }, level as 13 | 11 | 9);
  return overviewTileQuery(c, z, x, y, f, enc);
}

/** Tile queries run as named prepared statements: a handful of texts, planned once per connection. */
const statementName = (text: string) => `tile_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
const run = <R extends pg.QueryResultRow>(pool: pg.Pool, q: TileQuery) => pool.query<R>({ name: statementName(q.text), text: q.text, values: q.values });

async function renderWithMvt(pool: pg.Pool, c: TileCollection, z: number, x: number, y: number, f: TileFilters): Promise<RenderedTile> {
  const q = await tileQuery(pool, c, z, x, y, f, 'mvt');
  const { rows } = await run<{ tile: Buffer | null; features: number }>(pool, q);
  const r = rows[0];
  return r?.tile && r.features ? { data: r.tile, features: r.features } : EMPTY;
}

async function renderWithJs(pool: pg.Pool, c: TileCollection, z: number, x: number, y: number, f: TileFilters): Promise<RenderedTile> {
  const q = await tileQuery(pool, c, z, x, y, f, 'rows');
  const { rows } = await run<Record<string, unknown> & { id?: number; wkb: Buffer }>(pool, q);
  const features: TileFeature[] = [];
  for (const row of rows) {
    const rings = toMvtRings(readWkbPolygons(row.wkb));
    if (!rings.length) continue;
    const { id, wkb: _wkb, ...props } = row;
    features.push({ id, properties: props as TileFeature['properties'], rings });
  }
  if (!features.length) return EMPTY;
  return { data: Buffer.from(encodeMvt(c.layerName, features)), features: features.length };
}

export function createTileRenderer(db: Database): TileRenderer {
  const encoding: TileEncoding = db.capabilities.asMvt ? 'mvt' : 'rows';
  const draw = encoding === 'mvt' ? renderWithMvt : renderWithJs;
  return {
    encoding,
    async etag(c, filters) {
      const { rows } = await db.pool.query<{ version: string; at: string }>(
        `SELECT version::text AS version, (extract(epoch FROM changed_at) * 1e6)::bigint::text AS at
         FROM derived.collection_versions WHERE collection = $1`,
        [c.id],
      );
      const v = rows[0] ? `${rows[0].version}.${rows[0].at}` : '0';
      const f = Object.entries(filters)
        .filter(([, val]) => val !== undefined)
        .map(([k, val]) => `${k}=${String(val)}`)
        .join('&');
      return `W/"${c.id}-${TILE_FORMAT}-${encoding}-${v}${f ? `-${Buffer.from(f).toString('base64url')}` : ''}"`;
    },
    async render(c, z, x, y, filters) {
      if (z < c.minZoom) return EMPTY;
      return draw(db.pool, c, z, x, y, filters);
    },
  };
}
