import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringInside, samePoint } from '../../core/geometry/rings';
import { ringIntersections } from '../../core/geometry/segments';
import { planeAreaHa } from '../../core/geometry/area';
import { ellipsoidalAreaHa, planePerimeterM } from '../../core/geometry/measure';

/** A ring on the drawing board: an outer boundary (part) or a hole. */
export interface BoardRing {
  id: string | number;
  role: 'part' | 'hole';
  ring: Position[];
}

export type RingCheck = { valid: true } | { valid: false; point: [number, number] };

const dedupe = (ring: readonly Position[]): Position[] => {
  const out: Position[] = [];
  for (const p of ring) if (!out.length || !samePoint(out.at(-1)!, p)) out.push(p);
  return out;
};

/**
 * Refuses a ring that crosses itself, with the crossing point. While a ring is being
 * drawn (`inProgress`), only the chain of placed vertices is checked — the closing
 * edge is not drawn yet; a finished or edited ring is checked closed.
 */
export function checkRing(ring: readonly Position[], inProgress: boolean): RingCheck {
  let pts = dedupe(ring);
  if (inProgress) {
    if (pts.length > 1 && samePoint(pts[0]!, pts.at(-1)!)) pts = pts.slice(0, -1);
    if (pts.length < 4) return { valid: true };
    const hit = ringIntersections([pts], { closed: false }).find((h) => h.kind !== 'touch' || (h.segB - h.segA > 1));
    return hit ? { valid: false, point: [hit.point[0], hit.point[1]] } : { valid: true };
  }
  if (pts.length > 1 && !samePoint(pts[0]!, pts.at(-1)!)) pts.push(pts[0]!);
  if (pts.length < 5) return { valid: true };
  const hit = ringIntersections([pts]).find((h) => h.kind !== 'touch');
  return hit ? { valid: false, point: [hit.point[0], hit.point[1]] } : { valid: true };
}

/** Composes the board into one boundary: each hole goes into the part that contains it; holes outside every part are left out. */
export function composeBoard(rings: readonly BoardRing[]): { geometry?: Polygon | MultiPolygon; orphanHoles: number } {
  const closed = (r: Position[]) => {
    const d = dedupe(r);
    return d.length > 1 && !samePoint(d[0]!, d.at(-1)!) ? [...d, d[0]!] : d;
  };
  const parts = rings.filter((r) => r.role === 'part').map((r) => [closed(r.ring)]).filter((p) => p[0]!.length >= 4);
  let orphanHoles = 0;
  for (const h of rings.filter((r) => r.role === 'hole')) {
    const ring = closed(h.ring);
    if (ring.length < 4) continue;
    const host = parts.find((p) => ringInside(ring, p[0]!));
    if (host) host.push(ring);
    else orphanHoles++;
  }
  if (!parts.length) return { orphanHoles };
  return { geometry: parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts }, orphanHoles };
}

export interface Measures {
  planeHa: number;
  ellipsoidalHa: number;
  perimeterM: number;
  vertices: number;
}

/** Live figures of a boundary: TM-3 plane and ellipsoidal hectares, plane perimeter. */
export function measure(g: Polygon | MultiPolygon, tm3: number): Measures {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return {
    planeHa: planeAreaHa(g, tm3),
    ellipsoidalHa: ellipsoidalAreaHa(g),
    perimeterM: planePerimeterM(g, tm3),
    vertices: parts.reduce((s, rings) => s + rings.reduce((t, r) => t + r.length - 1, 0), 0),
  };
}
