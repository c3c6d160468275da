import type { Position } from 'geojson';
import RBush from 'rbush';

/** Why a boundary cannot be analysed; `where` says at which ring / vertex, or the point. */
export interface BoundaryProblem {
  code: 'TYPE' | 'EMPTY' | 'COORDINATES' | 'OUT_OF_RANGE' | 'OUTSIDE_VIETNAM' | 'TOO_MANY_VERTICES' | 'RING' | 'SELF_INTERSECTION';
  message: string;
  where?: { polygon: number; ring: number; vertex?: number; point?: [number, number] };
}

/** Limit of vertices of one boundary: far above any cluster (a few hundred), far below what hurts. */
export const MAX_VERTICES = 50_000;
/** Vietnam's extent with a margin (lon/lat): TM-3 planes are meaningless far outside it. */
export const VIETNAM_EXTENT: readonly [number, number, number, number] = [101.0, 7.5, 118.0, 24.0];

type Seg = { minX: number; minY: number; maxX: number; maxY: number; p: number; r: number; i: number };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether segments ab and cd cross (or, with `touching`, touch), with the point. */
function segmentsIntersect(a: Position, b: Position, c: Position, d: Position, touching: boolean): [number, number] | undefined {
  const d1 = cross(c[0]!, c[1]!, d[0]!, d[1]!, a[0]!, a[1]!);
  const d2 = cross(c[0]!, c[1]!, d[0]!, d[1]!, b[0]!, b[1]!);
  const d3 = cross(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!);
  const d4 = cross(a[0]!, a[1]!, b[0]!, b[1]!, d[0]!, d[1]!);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  }
  if (!touching) return undefined;
  const on = (p: Position, q: Position, r: Position) =>
    Math.min(p[0]!, q[0]!) <= r[0]! && r[0]! <= Math.max(p[0]!, q[0]!) && Math.min(p[1]!, q[1]!) <= r[1]! && r[1]! <= Math.max(p[1]!, q[1]!);
  if (d1 === 0 && on(c, d, a)) return [a[0]!, a[1]!];
  if (d2 === 0 && on(c, d, b)) return [b[0]!, b[1]!];
  if (d3 === 0 && on(a, b, c)) return [c[0]!, c[1]!];
  if (d4 === 0 && on(a, b, d)) return [d[0]!, d[1]!];
  return undefined;
}

/**
 * First self-intersection among the rings (each ring with itself and with the other
 * rings of its polygon), found with a segment index: O(n log n) for ordinary shapes.
 */
function findSelfIntersection(polys: Position[][][]): BoundaryProblem | undefined {
  for (let p = 0; p < polys.length; p++) {
    // Repeated consecutive positions are legal: drop them before looking at edges.
    const rings = polys[p]!.map((ring) => ring.filter((q, i) => i === 0 || q[0] !== ring[i - 1]![0] || q[1] !== ring[i - 1]![1]));
    const segs: Seg[] = [];
    rings.forEach((ring, r) => {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i]!, b = ring[i + 1]!;
        segs.push({ minX: Math.min(a[0]!, b[0]!), minY: Math.min(a[1]!, b[1]!), maxX: Math.max(a[0]!, b[0]!), maxY: Math.max(a[1]!, b[1]!), p, r, i });
      }
    });
    const tree = new RBush<Seg>();
    tree.load(segs);
    for (const s of segs) {
      const ring = rings[s.r]!;
      const n = ring.length - 1;
      for (const o of tree.search(s)) {
        if (o.r < s.r || (o.r === s.r && o.i <= s.i)) continue;
        if (o.r === s.r && (o.i === s.i + 1 || (s.i === 0 && o.i === n - 1))) continue; // neighbours share a vertex
        // A ring touching itself is invalid; a hole may touch another ring at a point.
        const hit = segmentsIntersect(ring[s.i]!, ring[s.i + 1]!, rings[o.r]![o.i]!, rings[o.r]![o.i + 1]!, o.r === s.r);
        if (hit) {
          return {
            code: 'SELF_INTERSECTION',
            message: `Polygon ${p + 1}: ring ${s.r + 1} edge ${s.i + 1} crosses ring ${o.r + 1} edge ${o.i + 1} near ${hit[0].toFixed(6)}, ${hit[1].toFixed(6)}`,
            where: { polygon: p, ring: s.r, vertex: s.i, point: hit },
          };
        }
      }
    }
  }
  return undefined;
}

/**
 * Checks a GeoJSON Polygon/MultiPolygon (EPSG:4326) before any heavy work: type,
 * structure, finite in-range coordinates inside Vietnam's extent, closed rings of ≥ 4
 * positions, at most MAX_VERTICES vertices, no self-intersection. Returns the first problem.
 * @example validateBoundary({ type: 'Point', coordinates: [0, 0] })?.code // → 'TYPE'
 */
export function validateBoundary(g: unknown): BoundaryProblem | undefined {
  if (!g || typeof g !== 'object') return { code: 'TYPE', message: 'Geometry must be a GeoJSON object' };
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return { code: 'TYPE', message: `Geometry type must be Polygon or MultiPolygon, not ${JSON.stringify(type ?? null)}` };
  if (!Array.isArray(coordinates)) return { code: 'COORDINATES', message: 'coordinates must be an array' };
  const polys = (type === 'Polygon' ? [coordinates] : coordinates) as unknown[];
  if (polys.length === 0) return { code: 'EMPTY', message: 'The geometry is empty (no polygon)' };
  let vertices = 0;
  for (const poly of polys) if (Array.isArray(poly)) for (const ring of poly) if (Array.isArray(ring)) vertices += ring.length;
  if (vertices > MAX_VERTICES)
    return { code: 'TOO_MANY_VERTICES', message: `The boundary has ${vertices} vertices; at most ${MAX_VERTICES} are accepted` };
  for (let p = 0; p < polys.length; p++) {
    const poly = polys[p];
    if (!Array.isArray(poly) || poly.length === 0) return { code: 'EMPTY', message: `Polygon ${p + 1} has no ring`, where: { polygon: p, ring: 0 } };
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r] as unknown;
      if (!Array.isArray(ring)) return { code: 'COORDINATES', message: `Polygon ${p + 1} ring ${r + 1} is not an array`, where: { polygon: p, ring: r } };
      if (ring.length === 0) return { code: 'EMPTY', message: `Polygon ${p + 1} ring ${r + 1} is empty`, where: { polygon: p, ring: r } };
      for (let i = 0; i < ring.length; i++) {
        const pos = ring[i] as unknown;
        if (!Array.isArray(pos) || pos.length < 2 || !isNum(pos[0]) || !isNum(pos[1]))
          return { code: 'COORDINATES', message: `Polygon ${p + 1} ring ${r + 1} vertex ${i + 1} is not a [lon, lat] pair of numbers`, where: { polygon: p, ring: r, vertex: i } };
        const [x, y] = pos as [number, number];
        if (x < -180 || x > 180 || y < -90 || y > 90)
          return { code: 'OUT_OF_RANGE', message: `Polygon ${p + 1} ring ${r + 1} vertex ${i + 1} (${x}, ${y}) is outside longitude −180…180 / latitude −90…90`, where: { polygon: p, ring: r, vertex: i, point: [x, y] } };
        const [w, s, e, n] = VIETNAM_EXTENT;
        if (x < w || x > e || y < s || y > n)
          return { code: 'OUTSIDE_VIETNAM', message: `Polygon ${p + 1} ring ${r + 1} vertex ${i + 1} (${x}, ${y}) is outside Vietnam (lon/lat order, EPSG:4326 expected)`, where: { polygon: p, ring: r, vertex: i, point: [x, y] } };
      }
      const first = ring[0] as number[], last = ring[ring.length - 1] as number[];
      if (ring.length < 4) return { code: 'RING', message: `Polygon ${p + 1} ring ${r + 1} has ${ring.length} positions; a closed ring needs at least 4`, where: { polygon: p, ring: r } };
      if (first[0] !== last[0] || first[1] !== last[1])
        return { code: 'RING', message: `Polygon ${p + 1} ring ${r + 1} is not closed (first and last positions differ)`, where: { polygon: p, ring: r } };
    }
  }
  return findSelfIntersection(polys as Position[][][]);
}
