import type { MultiPolygon, Polygon, Position } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import { toVn2000 } from '../crs/transform';

// CommonJS package: default import works under Node ESM, Vite and Vitest alike.
const WGS84 = geographiclib.Geodesic.WGS84;

const partsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Area of one ring on the WGS 84 ellipsoid (m², unsigned). */
function ringGeodesicArea(ring: readonly Position[]): number {
  const poly = WGS84.Polygon(false);
  const n = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/**
 * Ellipsoidal (geodesic) area in hectares on WGS 84, as PostGIS ST_Area(geography)
 * computes it. Turf's area is spherical: not used for figures.
 */
export function ellipsoidalAreaHa(g: Polygon | MultiPolygon): number {
  let m2 = 0;
  for (const rings of partsOf(g)) rings.forEach((r, i) => (m2 += (i === 0 ? 1 : -1) * ringGeodesicArea(r)));
  return m2 / 10_000;
}

/** Geodesic length of every ring (outer and holes), in metres. */
export function geodesicPerimeterM(g: Polygon | MultiPolygon): number {
  let s = 0;
  for (const rings of partsOf(g))
    for (const r of rings)
      for (let i = 0; i < r.length - 1; i++) s += WGS84.Inverse(r[i]![1]!, r[i]![0]!, r[i + 1]![1]!, r[i + 1]![0]!).s12 ?? 0;
  return s;
}

/** Length of every ring in a VN-2000 plane (TM-3/UTM), in metres. */
export function planePerimeterM(g: Polygon | MultiPolygon, epsg: number): number {
  let s = 0;
  for (const rings of partsOf(g))
    for (const r of rings) {
      const p = r.map((x) => toVn2000(epsg, [x[0]!, x[1]!]));
      for (let i = 0; i < p.length - 1; i++) s += Math.hypot(p[i + 1]![0] - p[i]![0], p[i + 1]![1] - p[i]![1]);
    }
  return s;
}

/** Geodesic distance between two lon/lat points (m). */
export function geodesicDistanceM(a: Position, b: Position): number {
  return WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12 ?? 0;
}

/**
 * Degrees that cover `metres` around a geometry lying at latitudes up to `maxAbsLat`: a box
 * expanded by this many degrees holds everything within `metres` of it (for an index search).
 * A degree of longitude is at least 111,319 m × cos φ on the WGS 84 ellipsoid and a degree of
 * latitude at least 110,574 m; 2 % margin for the TM-3 scale factor and rounding.
 */
export function degreesCovering(metres: number, maxAbsLat: number): number {
  const edge = Math.min(89, Math.abs(maxAbsLat) + (metres / 110_574) * 1.02);
  const perDegree = Math.min(110_574, 111_319 * Math.cos((edge * Math.PI) / 180));
  return (metres / perDegree) * 1.02;
}

/** The largest |latitude| of a geometry's positions. */
export const maxAbsLatitude = (g: Polygon | MultiPolygon): number =>
  partsOf(g).reduce((m, rings) => rings.reduce((m2, r) => r.reduce((m3, p) => Math.max(m3, Math.abs(p[1]!)), m2), m), 0);
