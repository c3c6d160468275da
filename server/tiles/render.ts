/**
 * Vector tiles, the ONE place where the two databases differ: on a PostGIS server the tile is
 * encoded by ST_AsMVT; on the embedded PGlite (no ST_AsMVT: `capabilities.asMvt` is false) the
 * same SQL clips, simplifies and snaps the geometry in tile units and JS encodes the rows.
 * Everything else (allow-list, envelope filter, generalisation, overview, versions) is shared.
 */
import type pg from 'pg';
import type { Database } from '../db/database';
import { prepared } from '../db/prepared';
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
  /** ETag of the collection version the tile was drawn from (same snapshot). */
  etag: string;
}

export interface TileRenderer {
  encoding: TileEncoding;
  /** The collection's current version as an ETag (changes with every write to its table). */
  etag(c: TileCollection, filters: TileFilters): Promise<string>;
  render(c: TileCollection, z: number, x: number, y: number, filters: TileFilters): Promise<RenderedTile>;
}

/** Tile queries run as named prepared statements: a handful of texts, planned once per connection. */
const run = <R extends pg.QueryResultRow>(pool: pg.Pool, q: TileQuery) => pool.query<R>(prepared(q.text, q.values));

const isOverview = (c: TileCollection, z: number) => c.overviewMaxZoom !== undefined && z <= c.overviewMaxZoom;

/** Rebuilds the dirty overview cells a low-zoom tile depends on. */
async function refreshCells(pool: pg.Pool, z: number, x: number, y: number): Promise<void> {
  const level = overviewLevel(z);
  const r = cellRange(z, x, y, level);
  const s = 2 ** (13 - level);
  await ensureOverview(pool, { x0: r.x0 * s, x1: (r.x1 + 1) * s - 1, y0: r.y0 * s, y1: (r.y1 + 1) * s - 1 }, level as 13 | 11 | 9);
}

interface Meta {
  _tile_version: string;
  _tile_dirty: number;
}

/**
 * One round trip in the common case: the tile, the collection version and the overview's
 * freshness come from one statement; if a cell it needs is dirty, the cell is rebuilt and the
 * statement run again.
 */
async function query<R extends pg.QueryResultRow>(pool: pg.Pool, c: TileCollection, z: number, x: number, y: number, f: TileFilters, enc: TileEncoding) {
  const q = isOverview(c, z) ? overviewTileQuery(c, z, x, y, f, enc) : rawTileQuery(c, z, x, y, f, enc);
  let res = await run<R & Meta>(pool, q);
  if (res.rows[0]!._tile_dirty > 0) {
    await refreshCells(pool, z, x, y);
    res = await run<R & Meta>(pool, q);
  }
  return { rows: res.rows, version: res.rows[0]!._tile_version };
}

type Draw = (pool: pg.Pool, c: TileCollection, z: number, x: number, y: number, f: TileFilters) => Promise<{ data: Buffer; features: number; version: string }>;

const drawWithMvt: Draw = async (pool, c, z, x, y, f) => {
  const { rows, version } = await query<{ tile: Buffer | null; features: number }>(pool, c, z, x, y, f, 'mvt');
  const r = rows[0]!;
  return { data: r.tile && r.features ? r.tile : Buffer.alloc(0), features: r.tile ? r.features : 0, version };
};

const drawWithJs: Draw = async (pool, c, z, x, y, f) => {
  const { rows, version } = await query<Record<string, unknown> & { id?: number; wkb: Buffer | null }>(pool, c, z, x, y, f, 'rows');
  const features: TileFeature[] = [];
  for (const row of rows) {
    if (!row.wkb) continue;
    const rings = toMvtRings(readWkbPolygons(row.wkb));
    if (!rings.length) continue;
    const { id, wkb: _wkb, _tile_version: _v, _tile_dirty: _d, ...props } = row;
    features.push({ id, properties: props as TileFeature['properties'], rings });
  }
  return { data: features.length ? Buffer.from(encodeMvt(c.layerName, features)) : Buffer.alloc(0), features: features.length, version };
};

const etagOf = (c: TileCollection, encoding: TileEncoding, version: string, filters: TileFilters) => {
  const f = Object.entries(filters)
    .filter(([, val]) => val !== undefined)
    .map(([k, val]) => `${k}=${String(val)}`)
    .join('&');
  return `W/"${c.id}-${TILE_FORMAT}-${encoding}-${version}${f ? `-${Buffer.from(f).toString('base64url')}` : ''}"`;
};

export function createTileRenderer(db: Database): TileRenderer {
  const encoding: TileEncoding = db.capabilities.asMvt ? 'mvt' : 'rows';
  const draw = encoding === 'mvt' ? drawWithMvt : drawWithJs;
  return {
    encoding,
    async etag(c, filters) {
      const { rows } = await db.pool.query<{ version: string }>(
        `SELECT coalesce((SELECT version::text || '.' || (extract(epoch FROM changed_at) * 1e6)::bigint::text
                          FROM derived.collection_versions WHERE collection = $1), '0') AS version`,
        [c.id],
      );
      return etagOf(c, encoding, rows[0]!.version, filters);
    },
    async render(c, z, x, y, filters) {
      if (z < c.minZoom) return { data: Buffer.alloc(0), features: 0, etag: await this.etag(c, filters) };
      const t = await draw(db.pool, c, z, x, y, filters);
      return { data: t.data, features: t.features, etag: etagOf(c, encoding, t.version, filters) };
    },
  };
}
