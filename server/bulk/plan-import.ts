import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import { LEGACY_LAND_CODES } from '../../src/core/land/codes';
import { writeAudit } from '../db/audit';
import { withTransaction } from '../db/database';
import { toWkb } from './wkb';

/**
 * Bulk import of plan zones (10^5–10^6 polygons): features are streamed in, checked, and sent
 * in batches of ~5,000 as one multi-row INSERT each (parallel arrays + WKB through `unnest`, a
 * COPY-like path that works the same on PGlite and a PostGIS server), all in ONE transaction — the whole file or
 * nothing. The derived tables (subdivided pieces, layer stats, tile versions) follow through
 * the statement triggers of migration 060, once per batch.
 */

export interface BulkProgress {
  features: number;
  batches: number;
  elapsedMs: number;
}

export interface PlanImportOptions {
  /** Layer of features that carry no `layer_id` property. */
  layerId?: string | undefined;
  /** Delete the zones of each layer the first time the file touches it (replace, not append). */
  replace?: boolean;
  batchSize?: number;
  actor?: string;
  /** What was imported, for the audit row (e.g. the file name). */
  source?: string;
  onProgress?: (p: BulkProgress) => void;
}

export interface PlanImportResult {
  features: number;
  byLayer: Record<string, number>;
  replaced: number;
  batches: number;
  ms: number;
}

/** A refusal: which feature (0-based, in file order) and why. Nothing was written. */
export class BulkImportError extends Error {
  constructor(
    message: string,
    readonly featureIndex: number | null,
    readonly reason: string,
  ) {
    super(message);
  }
}

interface Row {
  i: number;
  layer_id: string;
  land_code: string;
  original_code: string | null;
  name: string | null;
  properties: Record<string, unknown>;
  geometry: Polygon | MultiPolygon;
}

const RESERVED = new Set(['layer_id', 'land_code', 'original_code', 'name']);

function checkRing(ring: unknown, where: string): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return `${where}: a ring needs at least 4 positions`;
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2) return `${where}: a position is not [lon, lat]`;
    const [x, y] = p as number[];
    if (!Number.isFinite(x) || !Number.isFinite(y) || x! < -180 || x! > 180 || y! < -90 || y! > 90)
      return `${where}: position [${String(x)}, ${String(y)}] is not a longitude/latitude in EPSG:4326`;
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) return `${where}: the ring is not closed`;
  return null;
}

/** Structural check of one feature (cheap, before PostGIS sees it); returns the reason or null. */
export function checkFeature(f: unknown): string | null {
  const o = f as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown };
  if (!o || typeof o !== 'object' || o.type !== 'Feature') return 'not a GeoJSON Feature';
  const g = o.geometry;
  if (!g || typeof g !== 'object') return 'no geometry';
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? (g.coordinates as unknown[]) : null;
  if (!polys) return `geometry type ${String(g.type)} is not Polygon or MultiPolygon`;
  if (!Array.isArray(polys) || polys.length === 0) return 'empty geometry';
  for (let p = 0; p < polys.length; p++) {
    const rings = polys[p];
    if (!Array.isArray(rings) || rings.length === 0) return `polygon ${p}: no rings`;
    for (let r = 0; r < rings.length; r++) {
      const bad = checkRing(rings[r], `polygon ${p} ring ${r}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** One feature → one row: layer, land code (a legacy code is mapped and kept as original), the rest as properties. */
export function toRow(f: unknown, i: number, defaultLayer: string | undefined): Row {
  const bad = checkFeature(f);
  if (bad) throw new BulkImportError(`Feature ${i}: ${bad}`, i, 'GEOMETRY');
  const { geometry, properties } = f as { geometry: unknown; properties?: Record<string, unknown> | null };
  const props = properties && typeof properties === 'object' ? properties : {};
  const layer = typeof props.layer_id === 'string' ? props.layer_id : defaultLayer;
  if (!layer) throw new BulkImportError(`Feature ${i}: no layer_id property and no default layer given`, i, 'NO_LAYER');
  const raw = typeof props.land_code === 'string' ? props.land_code.trim().toUpperCase() : '';
  if (!/^[A-Z]{2,4}$/.test(raw)) throw new BulkImportError(`Feature ${i}: land_code "${String(props.land_code ?? '')}" is not a land-use code`, i, 'LAND_CODE');
  const mapped = LEGACY_LAND_CODES[raw];
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!RESERVED.has(k)) rest[k] = v;
  return {
    i,
    layer_id: layer,
    land_code: mapped ?? raw,
    original_code: typeof props.original_code === 'string' ? props.original_code : mapped ? raw : null,
    name: typeof props.name === 'string' ? props.name : null,
    properties: rest,
    geometry: geometry as Polygon | MultiPolygon,
  };
}

/**
 * Rows travel as parallel arrays (one parameter each) and the geometries as ONE binary bytea (all
 * WKBs end to end, with offsets and lengths): no JSON or hex parsing in the database. Validity is
 * checked once per row, by the table's CHECK (ST_IsValid(geom)); a violation fails the statement
 * and the import, and the batch is then diagnosed outside the rolled-back transaction.
 */
const insertBatch = `
  INSERT INTO plan_zones (layer_id, land_code, original_code, name, properties, geom)
  SELECT u.layer_id, u.land_code, u.original_code, u.name, u.properties::jsonb,
         ST_GeomFromWKB(substring($6::bytea FROM u.off FOR u.len), 4326)
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::int[], $8::int[])
    AS u(layer_id, land_code, original_code, name, properties, off, len)`;

/** Which rows of a batch PostGIS finds invalid, and why (reads only the batch, no table). */
const diagnoseBatch = `
  SELECT (r.i - 1 + $4::int)::int AS i, ST_IsValidReason(r.g) AS reason
  FROM (SELECT u.i, ST_GeomFromWKB(substring($1::bytea FROM u.off FOR u.len), 4326) AS g
        FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS u(off, len, i)) AS r
  WHERE NOT ST_IsValid(r.g)
  ORDER BY r.i LIMIT 5`;

function columns(rows: Row[]) {
  const wkbs = rows.map((r) => toWkb(r.geometry));
  const offsets: number[] = [];
  let o = 1; // substring() counts from 1
  for (const w of wkbs) (offsets.push(o), (o += w.length));
  return {
    params: [
      rows.map((r) => r.layer_id),
      rows.map((r) => r.land_code),
      rows.map((r) => r.original_code),
      rows.map((r) => r.name),
      rows.map((r) => (Object.keys(r.properties).length ? JSON.stringify(r.properties) : '{}')),
      Buffer.concat(wkbs),
      offsets,
      wkbs.map((w) => w.length),
    ],
  };
}

/** A batch the geometry CHECK refused (the transaction is rolled back before it is diagnosed). */
class InvalidBatch {
  constructor(
    readonly rows: Row[],
    readonly params: unknown[],
  ) {}
}

/** The refusal of an invalid batch: its first invalid features with PostGIS's reasons. */
async function diagnose(pool: pg.Pool, b: InvalidBatch): Promise<BulkImportError> {
  const first = b.rows[0]!.i;
  const bad = (await pool.query<{ i: number; reason: string }>(diagnoseBatch, [b.params[5], b.params[6], b.params[7], first])).rows;
  const list = bad.map((x) => `feature ${x.i}: ${x.reason}`).join('; ');
  return new BulkImportError(`Invalid geometry — ${list || `in features ${first}–${b.rows.at(-1)!.i}`}`, bad[0]?.i ?? first, 'INVALID_GEOMETRY');
}

/** Imports a stream of GeoJSON features into plan_zones, in one transaction. */
export async function importPlanZones(pool: pg.Pool, features: AsyncIterable<unknown> | Iterable<unknown>, opts: PlanImportOptions = {}): Promise<PlanImportResult> {
  try {
    return await importInTransaction(pool, features, opts);
  } catch (err) {
    throw err instanceof InvalidBatch ? await diagnose(pool, err) : err;
  }
}

async function importInTransaction(pool: pg.Pool, features: AsyncIterable<unknown> | Iterable<unknown>, opts: PlanImportOptions): Promise<PlanImportResult> {
  const t0 = performance.now();
  const batchSize = opts.batchSize ?? 5000;
  return withTransaction(pool, async (c) => {
    const knownLayers = new Set((await c.query<{ id: string }>('SELECT id FROM plan_layers')).rows.map((r) => r.id));
    const seen = new Set<string>();
    const byLayer: Record<string, number> = {};
    let replaced = 0;
    let batches = 0;
    let n = 0;
    let rows: Row[] = [];

    // The database inserts one batch while the next is read and checked (one transaction, one
    // connection: statements still run in order). A refused batch stops the import at the next step.
    let inflight: Promise<void> | undefined;
    const send = async (batch: Row[], params: unknown[]) => {
      try {
        await c.query(insertBatch, params);
      } catch (err) {
        if ((err as { constraint?: string }).constraint === 'plan_zones_geom_check') throw new InvalidBatch(batch, params);
        throw err;
      }
      for (const r of batch) byLayer[r.layer_id] = (byLayer[r.layer_id] ?? 0) + 1;
      batches++;
      opts.onProgress?.({ features: batch.at(-1)!.i + 1, batches, elapsedMs: Math.round(performance.now() - t0) });
    };

    const flush = async () => {
      if (!rows.length) return;
      const batch = rows;
      rows = [];
      const { params } = columns(batch);
      if (inflight) await inflight;
      for (const r of batch) {
        if (seen.has(r.layer_id)) continue;
        if (!knownLayers.has(r.layer_id)) throw new BulkImportError(`Feature ${r.i}: plan layer "${r.layer_id}" does not exist`, r.i, 'UNKNOWN_LAYER');
        seen.add(r.layer_id);
        if (opts.replace) replaced += (await c.query('DELETE FROM plan_zones WHERE layer_id = $1', [r.layer_id])).rowCount ?? 0;
      }
      inflight = send(batch, params);
      inflight.catch(() => undefined); // awaited (and rethrown) at the next flush or the end
    };

    for await (const f of features as AsyncIterable<unknown>) {
      rows.push(toRow(f, n, opts.layerId));
      n++;
      if (rows.length >= batchSize) await flush();
    }
    await flush();
    if (inflight) await inflight;
    if (n === 0) throw new BulkImportError('The file has no features', null, 'EMPTY');
    await writeAudit(c, {
      actor: opts.actor ?? 'system',
      action: 'import',
      entity: 'plan_zones',
      entityId: null,
      after: { source: opts.source ?? null, features: n, byLayer, replaced },
    });
    return { features: n, byLayer, replaced, batches, ms: Math.round(performance.now() - t0) };
  });
}
