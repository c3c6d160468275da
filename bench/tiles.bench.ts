/**
 * Vector tiles, uncached: different random tiles over the province at z10/z12/z14 (plan zones)
 * and z14 (parcels), each requested once without If-None-Match. Per tile also: the same tile
 * SQL run raw through pg (API ÷ raw = the route's overhead: ETag lookup, overview freshness
 * check, HTTP), and on the server the textbook query (ST_AsMVTGeom(ST_Transform(geom, 3857)) …
 * ST_AsMVT over the raw table) for comparison.
 */
import { TILE_COLLECTIONS } from '../server/tiles/collections';
import { overviewTileQuery, rawTileQuery } from '../server/tiles/sql';
import { request } from './lib/http';
import type { BenchContext, Served } from './lib/context';
import { randomLonLat, randomTiles } from './lib/places';
import { summarize, type Summary } from './lib/stats';
import { lonLatToTile } from '../server/tiles/tile-math';

export interface TileRow {
  target: string;
  collection: string;
  z: number;
  api: Summary;
  rawSql: Summary;
  textbook: Summary | null;
  bytes: { p50: number; p95: number; max: number };
  features: { p50: number; max: number };
}

const textbook = (z: number, x: number, y: number) => `
  SELECT ST_AsMVT(t, 'plan_zones', 4096, 'geom', 'id') AS tile FROM (
    SELECT id, layer_id, land_code, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(${z}, ${x}, ${y}), 4096, 64, true) AS geom
    FROM plan_zones WHERE geom && ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}, margin => 64.0 / 4096), 4326)
  ) AS t`;

async function tilesAt(ctx: BenchContext, s: Served, collection: string, tiles: [number, number, number][], withTextbook: number): Promise<TileRow> {
  const c = TILE_COLLECTIONS[collection]!;
  const encoding = s.db.capabilities.asMvt ? 'mvt' : 'rows';
  const api: number[] = [];
  const raw: number[] = [];
  const book: number[] = [];
  const bytes: number[] = [];
  const feats: number[] = [];
  const apiFirstAt = new Map<string, boolean>();
  for (const [i, [z, x, y]] of tiles.entries()) {
    const viaApi = async () => {
      const t0 = performance.now();
      const res = await request(`${s.url}/tiles/${collection}/${z}/${x}/${y}.mvt`);
      const body = res.body;
      api.push(performance.now() - t0);
      if (res.status !== 200 && res.status !== 204) throw new Error(`tile ${z}/${x}/${y}: ${res.status}`);
      bytes.push(body.length);
      feats.push(Number(res.headers['x-tile-features'] ?? 0));
    };
    const viaSql = async () => {
      const q = c.overviewMaxZoom !== undefined && z <= c.overviewMaxZoom ? overviewTileQuery(c, z, x, y, {}, encoding) : rawTileQuery(c, z, x, y, {}, encoding);
      const t1 = performance.now();
      await s.db.pool.query(q.text, q.values);
      raw.push(performance.now() - t1);
    };
    // Whichever reads a tile first reads its pages from disk into the database's cache: the order
    // alternates, so the API and the raw SQL each go first for half of the tiles; a tile measured
    // twice (z10: the province has only ~15) goes the other way round the second time.
    const key = `${z}/${x}/${y}`;
    const apiFirst = apiFirstAt.has(key) ? !apiFirstAt.get(key) : i % 2 === 0;
    apiFirstAt.set(key, apiFirst);
    if (apiFirst) (await viaApi(), await viaSql());
    else (await viaSql(), await viaApi());
    if (i < withTextbook && collection === 'plan_zones' && s.db.capabilities.asMvt) {
      const t2 = performance.now();
      await s.db.pool.query(textbook(z, x, y));
      book.push(performance.now() - t2);
    }
  }
  const b = summarize(bytes);
  const f = summarize(feats);
  return {
    target: s.target,
    collection,
    z: tiles[0]![0],
    api: summarize(api),
    rawSql: summarize(raw),
    textbook: book.length ? summarize(book) : null,
    bytes: { p50: b.p50, p95: b.p95, max: b.max },
    features: { p50: f.p50, max: f.max },
  };
}

/** Tiles under random parcels (parcels sit in village patches, not everywhere). */
async function parcelTiles(ctx: BenchContext, s: Served, z: number, n: number): Promise<[number, number, number][]> {
  const { rows } = await s.db.pool.query<{ lon: number; lat: number }>(
    `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM parcels TABLESAMPLE SYSTEM (5) REPEATABLE (8) LIMIT $1) s`,
    [n * 8],
  );
  const seen = new Set<string>();
  const out: [number, number, number][] = [];
  for (const r of rows) {
    const [x, y] = lonLatToTile(r.lon, r.lat, z);
    if (!seen.has(`${x}/${y}`) && out.length < n) (seen.add(`${x}/${y}`), out.push([z, x, y]));
  }
  return out;
}

export async function runTiles(ctx: BenchContext): Promise<TileRow[]> {
  const rows: TileRow[] = [];
  const plan: Record<number, [number, number, number][]> = {};
  const counts: Record<number, number> = { 10: 20, 12: 40, 14: 60 };
  for (const z of [10, 12, 14]) plan[z] = randomTiles(ctx.mask, () => ctx.rand(), z, ctx.samples(counts[z]!));
  // The province spans only ~15 tiles at z10: each is measured twice (API and SQL each first once).
  plan[10] = [...plan[10]!, ...plan[10]!];
  // Warm the connections and the overview (cells are built by bench:data; this only checks).
  for (const s of ctx.targets) for (const z of [10, 12, 14]) await request(`${s.url}/tiles/plan_zones/${z}/${lonLatToTile(...(randomLonLat(ctx.mask, () => ctx.rand()) as [number, number]), z).join('/')}.mvt`);
  for (const s of ctx.targets) {
    for (const z of [10, 12, 14]) {
      ctx.log(`tiles z${z} on ${s.target}…`);
      rows.push(await tilesAt(ctx, s, 'plan_zones', plan[z]!, z === 10 ? 5 : 15));
    }
    ctx.log(`parcel tiles z14 on ${s.target}…`);
    rows.push(await tilesAt(ctx, s, 'parcels', await parcelTiles(ctx, s, 14, ctx.samples(40)), 0));
  }
  return rows;
}
