import type { Position } from 'geojson';

export type XY = [number, number];

/** Where two segments meet: a proper crossing, an overlap, or a touch at an end point. */
export interface SegmentHit {
  kind: 'cross' | 'overlap' | 'touch';
  point: XY;
}

const EPS = 1e-12;

function orient(a: XY, b: XY, c: XY): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: XY, b: XY, p: XY): boolean {
  return (
    Math.min(a[0], b[0]) - EPS <= p[0] && p[0] <= Math.max(a[0], b[0]) + EPS &&
    Math.min(a[1], b[1]) - EPS <= p[1] && p[1] <= Math.max(a[1], b[1]) + EPS
  );
}

/** Intersection of segments ab and cd (end points included), or undefined. */
export function segmentIntersection(a: XY, b: XY, c: XY, d: XY): SegmentHit | undefined {
  const scale = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]), Math.abs(d[0] - c[0]), Math.abs(d[1] - c[1]), 1e-300);
  const tol = EPS * scale * scale;
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  const z1 = Math.abs(o1) <= tol, z2 = Math.abs(o2) <= tol, z3 = Math.abs(o3) <= tol, z4 = Math.abs(o4) <= tol;
  if (z1 && z2) {
    // Collinear: overlapping or touching at an end.
    const pts = [c, d].filter((p) => onSegment(a, b, p)).concat([a, b].filter((p) => onSegment(c, d, p)));
    if (!pts.length) return undefined;
    const distinct = pts.filter((p, i) => pts.findIndex((q) => q[0] === p[0] && q[1] === p[1]) === i);
    return distinct.length > 1 ? { kind: 'overlap', point: distinct[0]! } : { kind: 'touch', point: distinct[0]! };
  }
  if (((o1 > tol && o2 < -tol) || (o1 < -tol && o2 > tol)) && ((o3 > tol && o4 < -tol) || (o3 < -tol && o4 > tol))) {
    const t = o3 / (o3 - o4);
    return { kind: 'cross', point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])] };
  }
  if (z1 && onSegment(a, b, c)) return { kind: 'touch', point: c };
  if (z2 && onSegment(a, b, d)) return { kind: 'touch', point: d };
  if (z3 && onSegment(c, d, a)) return { kind: 'touch', point: a };
  if (z4 && onSegment(c, d, b)) return { kind: 'touch', point: b };
  return undefined;
}

/** One segment of a ring: ring index, index of its first vertex. */
interface Seg {
  ring: number;
  i: number;
  a: XY;
  b: XY;
  minX: number;
  maxX: number;
}

export interface RingHit extends SegmentHit {
  ringA: number;
  segA: number;
  ringB: number;
  segB: number;
}

/**
 * Every place where the segments of closed rings meet other than at their shared
 * neighbour vertices: crossings, overlaps, touches. Rings are closed (first = last),
 * without consecutive duplicates. Sweep over x, so large rings stay fast.
 */
export function ringIntersections(rings: readonly Position[][], opts: { stopAtFirstCross?: boolean; closed?: boolean } = {}): RingHit[] {
  const closed = opts.closed ?? true;
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i] as XY;
      const b = ring[i + 1] as XY;
      segs.push({ ring: r, i, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]) });
    }
  });
  segs.sort((s, t) => s.minX - t.minX);
  const hits: RingHit[] = [];
  const active: Seg[] = [];
  for (const s of segs) {
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.maxX < s.minX) active.splice(k, 1);
    for (const t of active) {
      if (Math.max(s.a[1], s.b[1]) < Math.min(t.a[1], t.b[1]) || Math.max(t.a[1], t.b[1]) < Math.min(s.a[1], s.b[1])) continue;
      const hit = segmentIntersection(s.a, s.b, t.a, t.b);
      if (!hit) continue;
      if (s.ring === t.ring && hit.kind === 'touch') {
        const n = rings[s.ring]!.length - 1; // segments in the ring
        const lo = Math.min(s.i, t.i);
        const hi = Math.max(s.i, t.i);
        const adjacent = hi - lo === 1 || (closed && lo === 0 && hi === n - 1);
        if (adjacent) continue;
      }
      const [x, y] = s.ring < t.ring || (s.ring === t.ring && s.i < t.i) ? [s, t] : [t, s];
      hits.push({ ...hit, ringA: x.ring, segA: x.i, ringB: y.ring, segB: y.i });
      if (opts.stopAtFirstCross && hit.kind !== 'touch') return hits;
    }
    active.push(s);
  }
  return hits;
}
