/**
 * Tile SQL, built from the collection allow-list (identifiers) with every value a $n parameter.
 *
 * Per-zoom generalisation, in this order: the bbox filter uses the tile envelope in EPSG:4326
 * (the GiST index on the column is used); features smaller than a pixel are dropped on their
 * bbox; the geometry is simplified in EPSG:4326 (≈ ½ pixel) BEFORE it is transformed; then it is
 * mapped to tile units. From z8 on, that map is a tile-local affine transform (exact on the tile
 * edges, about 1 unit of 4096 inside at z10 — see tileAffine), which is ~5× cheaper than ST_Transform per
 * geometry; below z8 it is ST_Transform to 3857 followed by the affine to tile units. Tile units
 * have y pointing down, as in the MVT.
 *
 * Both encoders share that geometry, clipped to the buffered tile and snapped to the grid:
 * `mvt` hands it to ST_AsMVT (PostGIS server); `rows` returns WKB rows that JS encodes (the
 * embedded database has no ST_AsMVT).
 */
import type { TileCollection } from './collections';
import { BUFFER, EXTENT, LINEAR_FROM_ZOOM, bufferedBounds, cellRange, mercatorBounds, pixelDegrees, tileAffine } from './tile-math';

export type TileEncoding = 'mvt' | 'rows';

export interface TileQuery {
  text: string;
  values: (number | string)[];
}

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Which overview level draws a zoom (levels 13, 11, 9 — see migration 061). */
export function overviewLevel(z: number): number {
  return z >= 12 ? 13 : z >= 10 ? 11 : 9;
}

interface Column {
  /** SQL expression (an allow-listed identifier or a constant). */
  expr: string;
  name: string;
}

interface Parts {
  /** Tile collection (its change counter is read in the same statement, for the ETag). */
  collection: string;
  /** SQL of the number of dirty overview cells the tile depends on ('0' at full detail). */
  dirty: string;
  from: string;
  /** The buffered envelope expression (already in `values`). */
  env: string;
  where: string[];
  columns: Column[];
  withId: boolean;
  values: (number | string)[];
}

/** The geometry expression (tile units, y down) and its parameters, appended to `values`. */
function tileGeometry(z: number, x: number, y: number, env: string, values: (number | string)[]): string {
  const p = (v: number) => `$${values.push(v)}`;
  // A big polygon is first cut to the buffered tile (a rectangle clip, no-op for a polygon inside it).
  const simplified = `ST_Simplify(ST_ClipByBox2D(geom, ${env}), ${p(pixelDegrees(z) / 2)})`;
  if (z >= LINEAR_FROM_ZOOM) {
    const a = tileAffine(z, x, y);
    return `ST_Affine(${simplified}, ${p(a.kx)}, 0, 0, ${p(a.ky)}, ${p(a.xoff)}, ${p(a.yoff)})`;
  }
  const m = mercatorBounds(z, x, y);
  const kx = EXTENT / (m.east - m.west);
  const ky = -EXTENT / (m.north - m.south);
  return `ST_Affine(ST_Transform(${simplified}, 3857), ${p(kx)}, 0, 0, ${p(ky)}, ${p(-m.west * kx)}, ${p(-m.north * ky)})`;
}

/** The buffered tile envelope in EPSG:4326 as parameters (the column is never transformed). */
function envelope(z: number, x: number, y: number, values: (number | string)[]): string {
  const b = bufferedBounds(z, x, y);
  return `ST_MakeEnvelope($${values.push(b.west)}, $${values.push(b.south)}, $${values.push(b.east)}, $${values.push(b.north)}, 4326)`;
}

/** The tile plus its buffer, in tile units: a cheap rectangle clip before encoding. */
const clipBox = `ST_MakeBox2D(ST_Point(${-BUFFER}, ${-BUFFER}), ST_Point(${EXTENT + BUFFER}, ${EXTENT + BUFFER}))`;

function finish(parts: Parts, layerName: string, z: number, x: number, y: number, encoding: TileEncoding): TileQuery {
  const { values } = parts;
  const geom = tileGeometry(z, x, y, parts.env, values);
  const inner = [...(parts.withId ? ['id'] : []), ...parts.columns.map((c) => `${c.expr} AS ${q(c.name)}`)].join(', ');
  const outer = [...(parts.withId ? ['id'] : []), ...parts.columns.map((c) => q(c.name))].join(', ');
  const where = parts.where.join(' AND ');
  // Clip to the buffered tile and snap to the integer grid, in tile units: what ST_AsMVTGeom does
  // minus its per-polygon validation (GEOS/wagyu), which costs 2–5× the rest on generalised
  // polygons; MVT readers draw these rings as they are.
  const g = `ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(${geom}, ${clipBox}), 1), 3)`;
  // The collection's version and the dirty overview cells come from the same snapshot as the
  // tile: one round trip; when a cell is dirty the caller rebuilds it and asks again.
  const version = `(SELECT version::text || '.' || (extract(epoch FROM changed_at) * 1e6)::bigint::text
      FROM derived.collection_versions WHERE collection = $${values.push(parts.collection)})`;
  const meta = `meta AS (SELECT coalesce(${version}, '0') AS _tile_version, ${parts.dirty} AS _tile_dirty)`;
  if (encoding === 'mvt') {
    const name = `$${values.push(layerName)}`;
    return {
      // MATERIALIZED: each geometry is computed once (a flattened subquery would compute it again
      // for the filter). Exterior rings counter-clockwise in y-down numbers = clockwise on screen (MVT 2).
      text: `WITH t AS MATERIALIZED (
  SELECT ${inner}, ST_ForcePolygonCCW(${g}) AS geom
  FROM ${parts.from} WHERE ${where}
), ${meta}
SELECT meta.*,
  (SELECT ST_AsMVT(t.*, ${name}, ${EXTENT}, 'geom'${parts.withId ? ", 'id'" : ''}) FROM t WHERE NOT ST_IsEmpty(t.geom)) AS tile,
  (SELECT count(*)::int FROM t WHERE NOT ST_IsEmpty(t.geom)) AS features
FROM meta`,
      values,
    };
  }
  return {
    text: `WITH t AS MATERIALIZED (
  SELECT ${inner}, ${g} AS g
  FROM ${parts.from} WHERE ${where}
), ${meta}
SELECT meta.*, r.* FROM meta LEFT JOIN (SELECT ${outer}, ST_AsBinary(g) AS wkb FROM t WHERE NOT ST_IsEmpty(g)) AS r ON true`,
    values,
  };
}

function filterClauses(c: TileCollection, filters: Record<string, string | number | undefined>, values: (number | string)[]): string[] {
  const out: string[] = [];
  for (const [name, f] of Object.entries(c.filters)) {
    const v = filters[name];
    if (v === undefined) continue;
    out.push(`${q(f.column)} = $${values.push(v)}::${f.type === 'int' ? 'integer' : 'text'}`);
  }
  return out;
}

/** Full-detail tile of a collection: its rows inside the buffered tile envelope. */
export function rawTileQuery(
  c: TileCollection,
  z: number,
  x: number,
  y: number,
  filters: Record<string, string | number | undefined>,
  encoding: TileEncoding,
): TileQuery {
  const values: (number | string)[] = [];
  const env = envelope(z, x, y, values);
  const px = `$${values.push(pixelDegrees(z))}`;
  const where = [
    `geom && ${env}`,
    `(ST_XMax(geom) - ST_XMin(geom) > ${px} OR ST_YMax(geom) - ST_YMin(geom) > ${px})`,
    ...filterClauses(c, filters, values),
  ];
  return finish({ collection: c.id, dirty: '0', from: q(c.table), env, where, columns: c.properties.map((p) => ({ expr: q(p), name: p })), withId: true, values }, c.layerName, z, x, y, encoding);
}

/**
 * How many cells the overview tile depends on are dirty: level-13 cells under it, and the cells
 * of every level between 13 and the tile's own (their content is built from the level below).
 */
function dirtyCells(z: number, x: number, y: number, level: number, values: (number | string)[]): string {
  const r = cellRange(z, x, y, level);
  const terms: string[] = [];
  for (const l of [13, 11, 9]) {
    if (l < level) break;
    const k = 2 ** (l - level);
    terms.push(
      `(level = ${l} AND cx BETWEEN $${values.push(r.x0 * k)} AND $${values.push((r.x1 + 1) * k - 1)} AND cy BETWEEN $${values.push(r.y0 * k)} AND $${values.push((r.y1 + 1) * k - 1)})`,
    );
  }
  return `(SELECT count(*)::int FROM derived.overview_dirty WHERE ${terms.join(' OR ')})`;
}

/** Generalised tile from derived.plan_overview: zones dissolved by (layer, land code) per cell. */
export function overviewTileQuery(
  c: TileCollection,
  z: number,
  x: number,
  y: number,
  filters: Record<string, string | number | undefined>,
  encoding: TileEncoding,
): TileQuery {
  const values: (number | string)[] = [];
  const env = envelope(z, x, y, values);
  const level = overviewLevel(z);
  const r = cellRange(z, x, y, level);
  const where = [
    `level = $${values.push(level)}`,
    `cx BETWEEN $${values.push(r.x0)} AND $${values.push(r.x1)}`,
    `cy BETWEEN $${values.push(r.y0)} AND $${values.push(r.y1)}`,
    ...filterClauses(c, filters, values),
  ];
  return finish(
    {
      collection: c.id,
      dirty: dirtyCells(z, x, y, level, values),
      from: 'derived.plan_overview',
      env,
      where,
      columns: [
        { expr: 'layer_id', name: 'layer_id' },
        { expr: 'land_code', name: 'land_code' },
        { expr: 'zones', name: 'zones' },
        { expr: 'true', name: 'generalised' },
      ],
      withId: false,
      values,
    },
    c.layerName,
    z,
    x,
    y,
    encoding,
  );
}
