import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as GJV from 'geojson-validation';
import { pointInRing } from '../crs/zones';
import type { Issue, Repair, Where } from './issues';
import { metricFrame, ringInside, ringLength, samePoint, signedArea } from './rings';
import { ringIntersections, type XY } from './segments';

export interface RepairOptions {
  /** Rings smaller than this (m²) are slivers and removed (default 1 m²). */
  sliverM2?: number;
}

export interface RepairResult {
  /** The repaired geometry (RFC 7946 winding, closed rings, 2D), when it is usable. */
  geometry?: Polygon | MultiPolygon;
  repairs: Repair[];
  /** Problems that are not safe to repair: the geometry is refused when there is any. */
  issues: Issue[];
}

type Rings = Position[][];

/** Pulls the polygon parts out of a GeoJSON geometry, or says why it has none. */
function partsOf(input: unknown, repairs: Repair[], issues: Issue[]): { parts: Rings[]; multi: boolean } | undefined {
  const g = input as { type?: unknown; coordinates?: unknown; geometries?: unknown } | null;
  if (g === null || g === undefined) {
    issues.push({ code: 'EMPTY' });
    return undefined;
  }
  if (typeof g !== 'object' || typeof g.type !== 'string') {
    issues.push({ code: 'BAD_STRUCTURE', detail: 'no geometry type' });
    return undefined;
  }
  if (g.type === 'GeometryCollection') {
    const parts: Rings[] = [];
    const members = Array.isArray(g.geometries) ? g.geometries : [];
    for (const m of members) {
      const sub = partsOf(m, repairs, []);
      if (sub) parts.push(...sub.parts);
    }
    if (!parts.length) {
      issues.push({ code: 'NOT_POLYGON', detail: 'GeometryCollection' });
      return undefined;
    }
    // A collection of areas only (KML MultiGeometry) is a multi-part boundary, not a repair.
    const dropped = members.filter((m) => !['Polygon', 'MultiPolygon'].includes((m as { type?: string } | null)?.type ?? '')).length;
    if (dropped) repairs.push({ code: 'GEOMETRY_COLLECTION_FLATTENED', count: dropped });
    return { parts, multi: true };
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    issues.push({ code: 'NOT_POLYGON', detail: g.type });
    return undefined;
  }
  const c = g.coordinates;
  if (!Array.isArray(c)) {
    issues.push({ code: 'BAD_STRUCTURE', detail: 'coordinates missing' });
    return undefined;
  }
  const parts = (g.type === 'Polygon' ? [c] : c) as unknown[];
  for (const [pi, p] of parts.entries()) {
    if (!Array.isArray(p) || p.some((r) => !Array.isArray(r) || r.some((pos: unknown) => !Array.isArray(pos)))) {
      issues.push({ code: 'BAD_STRUCTURE', where: { part: pi }, detail: 'rings must be arrays of positions' });
      return undefined;
    }
  }
  return { parts: parts as Rings[], multi: g.type === 'MultiPolygon' };
}

/** Z stripping, NaN and range checks. */
function checkNumbers(parts: Rings[], repairs: Repair[], issues: Issue[]): Rings[] {
  let z = 0;
  let projected = 0;
  let total = 0;
  const out = parts.map((rings, part) =>
    rings.map((ring, r) =>
      ring.map((pos, v) => {
        total++;
        if (pos.length > 2) z++;
        const [x, y] = pos as [unknown, unknown];
        const where: Where = { part, ring: r, vertex: v };
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          if (issues.length < 20) issues.push({ code: 'NOT_A_NUMBER', where, detail: `[${String(x)}, ${String(y)}]` });
        } else if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          if (Math.abs(x) >= 1e4 && Math.abs(y) >= 1e4) projected++;
          else if (issues.length < 20) issues.push({ code: 'OUT_OF_RANGE', where, detail: `[${+x.toFixed(6)}, ${+y.toFixed(6)}]` });
        }
        return [x, y] as Position;
      }),
    ),
  );
  if (projected) issues.push({ code: 'LOOKS_PROJECTED', detail: `${projected}/${total}` });
  if (z) repairs.push({ code: 'Z_STRIPPED', count: z });
  return out;
}

/** Removes spikes (a vertex whose two edges go out and straight back). */
function removeSpikes(ring: Position[], f: (p: Position) => [number, number]): number {
  let removed = 0;
  let changed = true;
  while (changed && ring.length > 4) {
    changed = false;
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const prev = f(ring[(i - 1 + n) % n]!);
      const cur = f(ring[i]!);
      const next = f(ring[(i + 1) % n]!);
      const u = [cur[0] - prev[0], cur[1] - prev[1]];
      const w = [next[0] - cur[0], next[1] - cur[1]];
      const lu = Math.hypot(u[0]!, u[1]!);
      const lw = Math.hypot(w[0]!, w[1]!);
      const sin = (u[0]! * w[1]! - u[1]! * w[0]!) / (lu * lw);
      const cos = (u[0]! * w[0]! + u[1]! * w[1]!) / (lu * lw);
      if (Math.abs(sin) < 1e-7 && cos < 0) {
        ring.splice(i, 1);
        if (i === 0) ring[ring.length - 1] = ring[0]!;
        // The spike's base may now be repeated: drop the repeat.
        for (let k = ring.length - 1; k > 0; k--) if (samePoint(ring[k]!, ring[k - 1]!)) ring.splice(k, 1);
        if (!samePoint(ring[0]!, ring.at(-1)!)) ring.push(ring[0]!);
        removed++;
        changed = true;
        break;
      }
    }
  }
  return removed;
}

/** Inserts vertices that lie on another edge of the same ring, so that self-touches become repeated vertices. */
function insertTouchVertices(ring: Position[]): void {
  for (let guard = 0; guard < 50; guard++) {
    const hits = ringIntersections([ring]).filter((h) => h.kind === 'touch');
    let inserted = false;
    for (const h of hits) {
      for (const seg of [h.segA, h.segB]) {
        const a = ring[seg]!;
        const b = ring[seg + 1]!;
        if (!samePoint(a, h.point) && !samePoint(b, h.point)) {
          ring.splice(seg + 1, 0, [h.point[0], h.point[1]]);
          inserted = true;
          break;
        }
      }
      if (inserted) break;
    }
    if (!inserted) return;
  }
}

/** Splits a closed ring at a repeated vertex: [rest, loop], or undefined when it visits no vertex twice. */
function splitAtRepeat(ring: Position[]): [Position[], Position[], Position] | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < ring.length - 1; i++) {
    const key = `${ring[i]![0]},${ring[i]![1]}`;
    const j = seen.get(key);
    if (j !== undefined) return [[...ring.slice(0, j), ...ring.slice(i)], ring.slice(j, i + 1), ring[i]!];
    seen.set(key, i);
  }
  return undefined;
}

/**
 * Validates a polygonal geometry and makes the safe repairs (Z values, unclosed
 * rings, repeated vertices, spikes, winding, slivers, self-touching rings), with a
 * report. Crossings, holes outside or across their shell, overlapping parts, bad
 * numbers and empty input are refused, saying what and where.
 */
export function repairGeometry(input: unknown, opts: RepairOptions = {}): RepairResult {
  const sliverM2 = opts.sliverM2 ?? 1;
  const repairs: Repair[] = [];
  const issues: Issue[] = [];
  const got = partsOf(input, repairs, issues);
  /** A single Polygon's messages do not say "part 1". */
  const finish = (geometry?: Polygon | MultiPolygon): RepairResult => {
    if (!got?.multi)
      for (const x of [...repairs, ...issues]) if (x.where?.part === 0) x.where = { ...x.where, part: undefined };
    return geometry ? { geometry, repairs, issues } : { repairs, issues };
  };
  if (!got) return finish();
  if (!got.parts.length || got.parts.every((rings) => !rings.length || rings.every((r) => !r.length))) {
    return { repairs, issues: [{ code: 'EMPTY' }] };
  }
  let parts = checkNumbers(got.parts, repairs, issues);
  if (issues.length) return finish();
  const lat0 = parts.flat(2).find(Boolean)![1]!;
  const f = metricFrame(lat0);

  // Per ring: duplicates, closure, spikes, degenerate rings.
  let dupes = 0;
  const cleaned: Rings[] = [];
  parts.forEach((rings, part) => {
    const keep: Rings = [];
    for (const [ri, raw] of rings.entries()) {
      const where: Where = { part, ring: ri };
      const ring: Position[] = [];
      for (const p of raw) if (!ring.length || !samePoint(ring.at(-1)!, p)) ring.push(p);
      else dupes++;
      if (ring.length > 1 && !samePoint(ring[0]!, ring.at(-1)!)) {
        ring.push(ring[0]!);
        repairs.push({ code: 'RING_CLOSED', where });
      } else if (ring.length > 1) ring[ring.length - 1] = ring[0]!;
      const spikes = ring.length >= 4 ? removeSpikes(ring, f) : 0;
      if (spikes) repairs.push({ code: 'SPIKE_REMOVED', where, count: spikes });
      if (ring.length < 4) {
        if (ri === 0) {
          if (parts.length === 1) issues.push({ code: 'TOO_FEW_POINTS', where });
          else repairs.push({ code: 'DEGENERATE_RING_REMOVED', where });
          return;
        }
        repairs.push({ code: 'DEGENERATE_RING_REMOVED', where });
        continue;
      }
      keep.push(ring);
    }
    if (keep.length) cleaned.push(keep);
  });
  if (dupes) repairs.push({ code: 'DUPLICATES_REMOVED', count: dupes });
  if (issues.length) return finish();

  // Proper crossings and overlaps are refused before any splitting, with the input's indexes.
  cleaned.forEach((rings, part) => {
    for (const h of ringIntersections(rings)) {
      if (h.kind === 'touch' || issues.length >= 20) continue;
      const where: Where = { part, ring: h.ringA, vertex: h.segA, point: h.point as XY };
      issues.push({ code: h.ringA === h.ringB ? 'SELF_INTERSECTION' : 'RINGS_CROSS', where, detail: h.kind === 'overlap' ? 'overlap' : undefined });
    }
  });
  if (issues.length) return finish();

  // Self-touching rings: split at the touching vertex into a hole or a separate part.
  const split: Rings[] = [];
  cleaned.forEach((rings, part) => {
    const extraParts: Rings[] = [];
    const out: Rings = [];
    rings.forEach((ring0, ri) => {
      insertTouchVertices(ring0);
      const queue = [ring0];
      const pieces: { ring: Position[]; inside: boolean }[] = [];
      while (queue.length) {
        const r = queue.pop()!;
        const s = splitAtRepeat(r);
        if (!s) {
          pieces.push({ ring: r, inside: false });
          continue;
        }
        const [rest, loop, at] = s;
        repairs.push({ code: 'SELF_TOUCH_SPLIT', where: { part, ring: ri, point: [at[0]!, at[1]!] } });
        queue.push(rest);
        if (ringInside(loop, rest, at)) pieces.push({ ring: loop, inside: true });
        else queue.push(loop);
      }
      const outside = pieces.filter((p) => !p.inside);
      const main = outside.reduce((m, p) => (Math.abs(signedArea(p.ring, f)) > Math.abs(signedArea(m.ring, f)) ? p : m), outside[0]!);
      if (ri === 0) {
        out.push(main.ring);
        for (const p of pieces) if (p !== main) (p.inside ? out.push(p.ring) : extraParts.push([p.ring]));
      } else {
        // A hole's loops are further holes, or islands (new parts) when inside the hole.
        out.push(main.ring);
        for (const p of pieces) if (p !== main) (p.inside ? extraParts.push([p.ring]) : out.push(p.ring));
      }
    });
    split.push(out, ...extraParts);
  });

  // Crossings within a part, holes outside their shell (before slivers: a bow-tie has no net area).
  split.forEach((rings, part) => {
    for (const h of ringIntersections(rings)) {
      if (h.kind === 'touch' && h.ringA !== h.ringB) continue; // a hole may touch its shell at a point
      const where: Where = { part, ring: h.ringA, vertex: h.segA, point: h.point as XY };
      issues.push({ code: h.ringA === h.ringB ? 'SELF_INTERSECTION' : 'RINGS_CROSS', where, detail: h.kind === 'overlap' ? 'overlap' : undefined });
      if (issues.length >= 20) return;
    }
    rings.slice(1).forEach((hole, i) => {
      if (!ringInside(hole, rings[0]!)) issues.push({ code: 'HOLE_OUTSIDE', where: { part, ring: i + 1, point: [hole[0]![0]!, hole[0]![1]!] } });
    });
  });
  if (issues.length) return finish();

  // Slivers, then winding.
  const total = split.reduce((s, rings) => s + Math.abs(signedArea(rings[0]!, f)), 0);
  const final: Rings[] = [];
  split.forEach((rings, part) => {
    const keep: Rings = [];
    for (const [ri, ring] of rings.entries()) {
      const a = Math.abs(signedArea(ring, f));
      const perim = ringLength(ring, f);
      const thin = perim > 0 ? (4 * Math.PI * a) / (perim * perim) : 0;
      const sliver = a < sliverM2 || (thin < 0.002 && a < 0.01 * total);
      if (sliver) {
        if (ri === 0 && split.length === 1) {
          issues.push({ code: 'NO_AREA', where: { part, ring: ri } });
          return;
        }
        repairs.push({ code: 'SLIVER_REMOVED', where: { part, ring: ri }, areaM2: Math.round(a * 100) / 100 });
        if (ri === 0) return;
        continue;
      }
      const ccw = signedArea(ring) > 0;
      if ((ri === 0) !== ccw) {
        ring.reverse();
        repairs.push({ code: 'REWOUND', where: { part, ring: ri } });
      }
      keep.push(ring);
    }
    final.push(keep);
  });
  if (issues.length) return finish();

  // Parts must not overlap.
  for (let i = 0; i < final.length; i++)
    for (let j = i + 1; j < final.length; j++) {
      const A = final[i]!;
      const B = final[j]!;
      const cross = ringIntersections([A[0]!, B[0]!]).find((h) => h.ringA !== h.ringB && h.kind !== 'touch');
      const inHole = (p: Position, P: Rings) => P.slice(1).some((h) => pointInRing(p, h));
      const probeA = A[0]![0]!;
      const probeB = B[0]![0]!;
      const nested = (pointInRing(probeA, B[0]!) && !inHole(probeA, B)) || (pointInRing(probeB, A[0]!) && !inHole(probeB, A));
      if (cross || nested) {
        const pt = (cross?.point ?? probeA) as XY;
        issues.push({ code: 'PARTS_OVERLAP', where: { part: j, point: [pt[0], pt[1]] } });
      }
    }
  if (issues.length) return finish();

  parts = final;
  const geometry: Polygon | MultiPolygon =
    parts.length === 1 && !got.multi ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
  const trace = (geometry.type === 'Polygon' ? GJV.isPolygon(geometry, true) : GJV.isMultiPolygon(geometry, true)) as string[];
  if (trace.length) {
    issues.push({ code: 'BAD_STRUCTURE', detail: trace.join('; ') });
    return finish();
  }
  return finish(geometry);
}
