import type { Feature, FeatureCollection, Position } from 'geojson';

/** Vertices and edges of polygons and lines to snap to (clusters, plan zones, parcels, proposals). */
export interface SnapIndex {
  vertices: Position[];
  edges: [Position, Position][];
}

function collect(c: unknown, out: SnapIndex): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') return;
  if (Array.isArray(c[0]) && typeof c[0][0] === 'number') {
    const line = c as Position[];
    for (let i = 0; i < line.length; i++) {
      out.vertices.push(line[i]!);
      if (i > 0) out.edges.push([line[i - 1]!, line[i]!]);
    }
    return;
  }
  for (const x of c) collect(x, out);
}

/** Builds the snap targets from feature collections, keeping only what lies inside a box (lon/lat). */
export function snapIndex(sources: readonly (FeatureCollection | undefined)[], box?: [number, number, number, number]): SnapIndex {
  const out: SnapIndex = { vertices: [], edges: [] };
  const inBox = (p: Position) => !box || (p[0]! >= box[0] && p[0]! <= box[2] && p[1]! >= box[1] && p[1]! <= box[3]);
  for (const fc of sources)
    for (const f of (fc?.features ?? []) as Feature[]) {
      const g = f.geometry as { type?: string; coordinates?: unknown } | null;
      if (!g || !/Polygon|LineString/.test(g.type ?? '')) continue;
      const tmp: SnapIndex = { vertices: [], edges: [] };
      collect(g.coordinates, tmp);
      out.vertices.push(...tmp.vertices.filter(inBox));
      out.edges.push(...tmp.edges.filter(([a, b]) => inBox(a) || inBox(b)));
    }
  return out;
}

/**
 * The point to snap to within `toleranceM` metres: a vertex first, else the nearest
 * point on an edge; undefined when nothing is that close.
 */
export function snapPoint(p: Position, index: SnapIndex, toleranceM: number): Position | undefined {
  const kx = 111_320 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110_574;
  const d = (a: Position) => Math.hypot((a[0]! - p[0]!) * kx, (a[1]! - p[1]!) * ky);
  let best: Position | undefined;
  let bestD = toleranceM;
  for (const v of index.vertices) {
    const dv = d(v);
    if (dv <= bestD) {
      bestD = dv;
      best = v;
    }
  }
  if (best) return [best[0]!, best[1]!];
  for (const [a, b] of index.edges) {
    const ax = (a[0]! - p[0]!) * kx, ay = (a[1]! - p[1]!) * ky;
    const bx = (b[0]! - p[0]!) * kx, by = (b[1]! - p[1]!) * ky;
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    if (!len2) continue;
    const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const dist = Math.hypot(ax + t * dx, ay + t * dy);
    if (dist <= bestD) {
      bestD = dist;
      best = [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
    }
  }
  return best;
}
