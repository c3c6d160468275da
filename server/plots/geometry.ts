/**
 * Plot geometry validation: a cheap structural check in JS first (PostGIS must
 * never see NaN, open rings or absurd sizes — an exception there can hang
 * PGlite), then PostGIS validity, then the cluster rules: inside the cluster's
 * current boundary and overlapping no other plot. Every refusal names the plot
 * code and where (a point and the bbox of the offending part, EPSG:4326).
 */
import type pg from 'pg';
import { HttpError } from '../errors';

/** Slivers below this (m², TM-3 plane) are digitising noise, not a violation. */
export const GEOMETRY_TOLERANCE_M2 = 0.1;
const MAX_VERTICES = 50_000;
/**
 * Overlays run with a precision grid (OverlayNG snap-rounding, ≈ 0.1 mm): plots share
 * edges with the boundary and with each other, and on PGlite (PostGIS 3.6, GEOS 3.14) a plain
 * ST_Difference of nearly coincident edges fails silently: the query answers no row at all
 * (seen with the demo plot CN-36 against the Hồ Sơn 1 boundary; PostGIS 3.3 answers EMPTY).
 */
const GRID_DEG = 1e-9;

type Pos = number[];
export interface Polygonal {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface GeometryProblem {
  reason: string;
  location: { point: [number, number]; bbox?: [number, number, number, number] } | null;
}

const refuse = (status: number, code: string, plotCode: string, message: string, details: object): never => {
  throw new HttpError(status, code, message, { plot_code: plotCode, ...details });
};

/** Structural check of a GeoJSON Polygon/MultiPolygon; returns the first problem or null. */
export function structuralProblem(g: Polygonal): GeometryProblem | null {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return { reason: 'no polygon', location: null };
  let vertices = 0;
  for (const rings of polys) {
    if (!Array.isArray(rings) || rings.length === 0) return { reason: 'polygon without rings', location: null };
    for (const ring of rings as unknown[]) {
      if (!Array.isArray(ring)) return { reason: 'ring is not an array of positions', location: null };
      for (const p of ring as unknown[]) {
        const ok =
          Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v));
        if (!ok) return { reason: 'position is not a pair of finite numbers', location: null };
        const [x, y] = p as Pos;
        if (x! < -180 || x! > 180 || y! < -90 || y! > 90) {
          return { reason: 'coordinate out of range (expected lon/lat, EPSG:4326)', location: { point: [x!, y!] } };
        }
      }
      const r = ring as Pos[];
      vertices += r.length;
      if (r.length < 4) return { reason: 'ring has fewer than 4 positions', location: r[0] ? { point: [r[0][0]!, r[0][1]!] } : null };
      const a = r[0]!;
      const z = r[r.length - 1]!;
      if (a[0] !== z[0] || a[1] !== z[1]) return { reason: 'ring is not closed', location: { point: [a[0]!, a[1]!] } };
    }
  }
  if (vertices > MAX_VERTICES) return { reason: `more than ${MAX_VERTICES} vertices`, location: null };
  return null;
}

interface Located {
  point: { coordinates: [number, number] } | null;
  bbox: [number, number, number, number] | null;
}

const locate = (r: Located) => ({ point: r.point?.coordinates ?? null, bbox: r.bbox });

/**
 * Refuses (422) a plot geometry that is malformed, invalid, outside the
 * cluster's current boundary or overlapping another plot of the cluster.
 * Runs on the caller's transaction client.
 */
export async function assertPlotGeometry(
  client: pg.PoolClient,
  opts: { clusterId: number; code: string; geometry: Polygonal; excludePlotId?: number | undefined },
): Promise<void> {
  const { code } = opts;
  const structural = structuralProblem(opts.geometry);
  if (structural) {
    refuse(422, 'INVALID_GEOMETRY', code, `Plot ${code}: invalid geometry (${structural.reason})`, { reason: structural.reason, location: structural.location });
  }
  const json = JSON.stringify(opts.geometry);
  const valid = await client.query<{ valid: boolean; reason: string; point: { coordinates: [number, number] } | null }>(
    `WITH g AS (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g)
     SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason,
            ST_AsGeoJSON((ST_IsValidDetail(g)).location, 7)::json AS point
     FROM g`,
    [json],
  );
  const v = valid.rows[0]!;
  if (!v.valid) {
    refuse(422, 'INVALID_GEOMETRY', code, `Plot ${code}: invalid geometry (${v.reason})`, {
      reason: v.reason,
      location: { point: v.point?.coordinates ?? null },
    });
  }

  const outside = await client.query<Located & { has_boundary: boolean; area_m2: number | null }>(
    `WITH g AS (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g),
          b AS (SELECT cb.geom, c.tm3_srid FROM clusters c
                LEFT JOIN cluster_boundaries cb ON cb.cluster_id = c.id AND cb.is_current WHERE c.id = $2),
          d AS (SELECT ST_Difference(g.g, b.geom, $3) AS part, b.tm3_srid, b.geom IS NOT NULL AS has_boundary FROM g, b)
     SELECT has_boundary,
            CASE WHEN has_boundary THEN ST_Area(ST_Transform(part, tm3_srid)) END AS area_m2,
            ST_AsGeoJSON(ST_PointOnSurface(part), 7)::json AS point,
            CASE WHEN NOT ST_IsEmpty(part) THEN ARRAY[ST_XMin(part), ST_YMin(part), ST_XMax(part), ST_YMax(part)] END AS bbox
     FROM d`,
    [json, opts.clusterId, GRID_DEG],
  );
  const o = outside.rows[0]!;
  if (!o.has_boundary) refuse(422, 'NO_CLUSTER_BOUNDARY', code, `Plot ${code}: the cluster has no current boundary to place plots in`, {});
  if ((o.area_m2 ?? 0) > GEOMETRY_TOLERANCE_M2) {
    const m2 = Math.round(o.area_m2! * 100) / 100;
    const loc = locate(o);
    refuse(422, 'PLOT_OUTSIDE_CLUSTER', code,
      `Plot ${code} lies partly outside the cluster boundary (${m2} m² outside, around ${loc.point?.map((x) => x.toFixed(6)).join(', ')})`,
      { outside_m2: m2, location: loc });
  }

  const overlaps = await client.query<Located & { other_id: number; other_code: string; area_m2: number }>(
    `WITH g AS (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) AS g),
          x AS (SELECT p.id, p.code, ST_Intersection(g.g, p.geom, $5) AS part, c.tm3_srid
                FROM g, plots p JOIN clusters c ON c.id = p.cluster_id
                WHERE p.cluster_id = $2 AND p.id <> coalesce($3::int, 0) AND ST_Intersects(g.g, p.geom))
     SELECT id AS other_id, code AS other_code, ST_Area(ST_Transform(part, tm3_srid)) AS area_m2,
            ST_AsGeoJSON(ST_PointOnSurface(part), 7)::json AS point,
            ARRAY[ST_XMin(part), ST_YMin(part), ST_XMax(part), ST_YMax(part)] AS bbox
     FROM x WHERE NOT ST_IsEmpty(part) AND ST_Area(ST_Transform(part, tm3_srid)) > $4
     ORDER BY area_m2 DESC`,
    [json, opts.clusterId, opts.excludePlotId ?? null, GEOMETRY_TOLERANCE_M2, GRID_DEG],
  );
  if (overlaps.rows.length) {
    const first = overlaps.rows[0]!;
    const m2 = Math.round(first.area_m2 * 100) / 100;
    const loc = locate(first);
    refuse(422, 'PLOT_OVERLAP', code,
      `Plot ${code} overlaps plot ${first.other_code} (${m2} m², around ${loc.point?.map((x) => x.toFixed(6)).join(', ')})`,
      {
        other_plot_code: first.other_code,
        overlap_m2: m2,
        location: loc,
        overlaps: overlaps.rows.map((r) => ({ plot_code: r.other_code, overlap_m2: Math.round(r.area_m2 * 100) / 100, location: locate(r) })),
      });
  }
}
