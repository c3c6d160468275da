import type { Position } from 'geojson';
import { ringPlaneArea } from '../geometry/area';
import type { PlanePolygons } from './plan-index';

/**
 * Exact area of A ∩ (Z1 ∪ … ∪ Zk) for plane polygons, without building the geometry:
 * the shoelace integral over the boundary of the result, whose pieces are the parts of
 * A's edges inside the union and the parts of the zones' edges that bound the union and
 * lie inside A. Edges shared by neighbouring zones (a partition) cancel; coincident
 * edges are counted once. Much faster than a general clipper (no sweep, no output rings),
 * which is what a live table at every vertex move needs.
 */

/** One region: every ring of a Polygon/MultiPolygon, oriented so the interior is on the left. */
export interface Region {
  /** Segments as flat [x1, y1, x2, y2] quadruples. */
  seg: Float64Array;
  bbox: [number, number, number, number];
  /** The region's own area, m². */
  area: number;
}

const EPS = 1e-6; // metres: on-edge tolerance (coordinates are ~10^6 m, doubles resolve ~10^-9 m)

/** Prepares plane polygons (outer rings then holes) as a region. */
export function toRegion(polys: PlanePolygons): Region {
  let n = 0;
  for (const rings of polys) for (const r of rings) n += Math.max(0, r.length - 1);
  const seg = new Float64Array(n * 4);
  let k = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polys)
    rings.forEach((ring, i) => {
      // Outer rings counter-clockwise, holes clockwise: interior on the left of every edge.
      const ccw = ringPlaneArea(ring) > 0;
      const flip = i === 0 ? !ccw : ccw;
      const m = ring.length - 1;
      for (let j = 0; j < m; j++) {
        const a: Position = flip ? ring[m - j]! : ring[j]!;
        const b: Position = flip ? ring[m - j - 1]! : ring[j + 1]!;
        seg[k++] = a[0]!; seg[k++] = a[1]!; seg[k++] = b[0]!; seg[k++] = b[1]!;
        if (a[0]! < minX) minX = a[0]!;
        if (a[0]! > maxX) maxX = a[0]!;
        if (a[1]! < minY) minY = a[1]!;
        if (a[1]! > maxY) maxY = a[1]!;
      }
    });
  let twice = 0;
  for (let i = 0; i < seg.length; i += 4) twice += (seg[i]! - minX) * (seg[i + 3]! - minY) - (seg[i + 2]! - minX) * (seg[i + 1]! - minY);
  return { seg, bbox: [minX, minY, maxX, maxY], area: twice / 2 };
}

/** Whether any segment of `r` comes into the box. */
function reaches(r: Region, b: Region['bbox']): boolean {
  const s = r.seg;
  for (let i = 0; i < s.length; i += 4) {
    if (Math.max(s[i]!, s[i + 2]!) < b[0] - EPS || Math.min(s[i]!, s[i + 2]!) > b[2] + EPS) continue;
    if (Math.max(s[i + 1]!, s[i + 3]!) < b[1] - EPS || Math.min(s[i + 1]!, s[i + 3]!) > b[3] + EPS) continue;
    return true;
  }
  return false;
}

const boxesMeet = (a: Region['bbox'], b: Region['bbox']) => a[0] <= b[2] + EPS && b[0] <= a[2] + EPS && a[1] <= b[3] + EPS && b[1] <= a[3] + EPS;

/** Where the point lies against a region: 1 inside, 0 outside, 2 on an edge running the same way, 3 on one running the other way. */
function classify(r: Region, x: number, y: number, dx: number, dy: number): 0 | 1 | 2 | 3 {
  const b = r.bbox;
  if (x < b[0] - EPS || x > b[2] + EPS || y < b[1] - EPS || y > b[3] + EPS) return 0;
  const s = r.seg;
  let inside = false;
  for (let i = 0; i < s.length; i += 4) {
    const x1 = s[i]!, y1 = s[i + 1]!, x2 = s[i + 2]!, y2 = s[i + 3]!;
    // On the edge?
    const ex = x2 - x1, ey = y2 - y1;
    const len2 = ex * ex + ey * ey;
    if (len2 > 0) {
      const t = ((x - x1) * ex + (y - y1) * ey) / len2;
      if (t >= -1e-12 && t <= 1 + 1e-12) {
        const cx = x1 + t * ex - x, cy = y1 + t * ey - y;
        if (cx * cx + cy * cy <= EPS * EPS) return ex * dx + ey * dy > 0 ? 2 : 3;
      }
    }
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside ? 1 : 0;
}

/** Parameters along p→q where it meets the segments of these regions. */
function cuts(x1: number, y1: number, x2: number, y2: number, regions: readonly Region[], out: number[]): void {
  const ex = x2 - x1, ey = y2 - y1;
  const len2 = ex * ex + ey * ey;
  const minX = Math.min(x1, x2) - EPS, maxX = Math.max(x1, x2) + EPS, minY = Math.min(y1, y2) - EPS, maxY = Math.max(y1, y2) + EPS;
  for (const r of regions) {
    const b = r.bbox;
    if (maxX < b[0] || minX > b[2] || maxY < b[1] || minY > b[3]) continue;
    const s = r.seg;
    for (let i = 0; i < s.length; i += 4) {
      const a1 = s[i]!, b1 = s[i + 1]!, a2 = s[i + 2]!, b2 = s[i + 3]!;
      if ((a1 < minX && a2 < minX) || (a1 > maxX && a2 > maxX) || (b1 < minY && b2 < minY) || (b1 > maxY && b2 > maxY)) continue;
      const fx = a2 - a1, fy = b2 - b1;
      const den = ex * fy - ey * fx;
      const flen = Math.sqrt(fx * fx + fy * fy) || 1;
      if (Math.abs(den) > 1e-12 * Math.sqrt(len2) * flen) {
        const t = ((a1 - x1) * fy - (b1 - y1) * fx) / den;
        const u = ((a1 - x1) * ey - (b1 - y1) * ex) / den;
        if (t > 0 && t < 1 && u >= -1e-9 && u <= 1 + 1e-9) out.push(t);
      } else {
        // Parallel: if collinear, the other segment's ends cut this one.
        const d = Math.abs((a1 - x1) * ey - (b1 - y1) * ex) / Math.sqrt(len2);
        if (d <= EPS) {
          const t1 = ((a1 - x1) * ex + (b1 - y1) * ey) / len2;
          const t2 = ((a2 - x1) * ex + (b2 - y1) * ey) / len2;
          if (t1 > 0 && t1 < 1) out.push(t1);
          if (t2 > 0 && t2 < 1) out.push(t2);
        }
      }
    }
  }
}

/**
 * Sums x·dy − y·dx over the pieces of `r`'s edges that `keep` accepts, splitting each edge
 * where it meets the `others`. `keep` sees the piece's midpoint and direction.
 */
function boundarySum(r: Region, others: readonly Region[], keep: (x: number, y: number, dx: number, dy: number) => boolean, ox: number, oy: number): number {
  const s = r.seg;
  const ts: number[] = [];
  let sum = 0;
  for (let i = 0; i < s.length; i += 4) {
    const x1 = s[i]!, y1 = s[i + 1]!, x2 = s[i + 2]!, y2 = s[i + 3]!;
    if (x1 === x2 && y1 === y2) continue;
    ts.length = 0;
    ts.push(0, 1);
    cuts(x1, y1, x2, y2, others, ts);
    if (ts.length > 2) ts.sort((a, b) => a - b);
    const dx = x2 - x1, dy = y2 - y1;
    for (let k = 0; k + 1 < ts.length; k++) {
      const t0 = ts[k]!, t1 = ts[k + 1]!;
      if (t1 - t0 < 1e-12) continue;
      const tm = (t0 + t1) / 2;
      if (!keep(x1 + tm * dx, y1 + tm * dy, dx, dy)) continue;
      // Relative to (ox, oy): keeps the products small and exact enough.
      const px = x1 + t0 * dx - ox, py = y1 + t0 * dy - oy, qx = x1 + t1 * dx - ox, qy = y1 + t1 * dy - oy;
      sum += px * qy - qx * py;
    }
  }
  return sum;
}

/**
 * Area (m²) of A ∩ (Z1 ∪ … ∪ Zk). With one zone: the plain intersection area.
 * @example intersectionArea(toRegion(cluster), [toRegion(zone)]) // → 123456.7
 */
export function intersectionArea(a: Region, zones: readonly Region[]): number {
  const zs = zones.filter((z) => boxesMeet(a.bbox, z.bbox));
  if (!zs.length) return 0;
  if (zs.length === 1 && !reaches(a, zs[0]!.bbox)) {
    // A's boundary never enters the zone's box: the zone lies wholly inside A or wholly outside.
    const z = zs[0]!;
    return classify(a, z.seg[0]!, z.seg[1]!, 0, 0) === 1 ? z.area : 0;
  }
  const ox = a.bbox[0], oy = a.bbox[1];
  const all = [a, ...zs];
  // A's edges inside the union (or running along a zone's edge the same way).
  let sum = boundarySum(a, zs, (x, y, dx, dy) => zs.some((z) => { const c = classify(z, x, y, dx, dy); return c === 1 || c === 2; }), ox, oy);
  // Each zone's edges that bound the union, inside A.
  zs.forEach((z, i) => {
    const others = all.filter((o) => o !== z);
    sum += boundarySum(z, others, (x, y, dx, dy) => {
      for (let j = 0; j < zs.length; j++) {
        if (j === i) continue;
        const c = classify(zs[j]!, x, y, dx, dy);
        if (c === 1 || c === 3) return false; // inside the union, or a shared partition edge
        if (c === 2 && j < i) return false; // a duplicate edge, counted by the first zone
      }
      return classify(a, x, y, dx, dy) === 1;
    }, ox, oy);
  });
  return Math.max(0, sum / 2);
}
