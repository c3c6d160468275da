/**
 * Tiles a polygon (in plane metres) with irregular, non-overlapping parcels:
 * Voronoi cells of jittered sites, clipped to the polygon shrunk a little, so
 * that every parcel lies strictly inside it. Neighbouring cells share the same
 * vertex coordinates, so they touch but never overlap.
 */
import { featureCollection, intersect, point, polygon, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Small deterministic PRNG (mulberry32) seeded from a string. */
export function prng(key: string): () => number {
  let h = 1779033703;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function insideRing(p: Position, ring: readonly Position[]): boolean {
  let inPoly = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inPoly = !inPoly;
  }
  return inPoly;
}

function distanceToRing(p: Position, ring: readonly Position[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!, b = ring[i + 1]!;
    const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
    const t = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy)));
  }
  return best;
}

export interface Cell {
  /** The Voronoi site (plane metres). */
  site: Position;
  /** The clipped cell, plane metres. */
  geometry: Polygon | MultiPolygon;
}

/**
 * @param ring closed outer ring in plane metres (star-shaped about its vertex mean)
 * @param spacing mean distance between sites, m (density may vary through `density`)
 * @param inset how far inside the ring the parcels stay, m
 */
export function tile(
  ring: Position[],
  spacing: number,
  rnd: () => number,
  density: (p: Position) => number = () => 1,
  inset = 0.5,
): Cell[] {
  const open = ring.slice(0, -1);
  const cx = open.reduce((s, p) => s + p[0]!, 0) / open.length;
  const cy = open.reduce((s, p) => s + p[1]!, 0) / open.length;
  const rMin = Math.min(...open.map((p) => Math.hypot(p[0]! - cx, p[1]! - cy)));
  const k = 1 - inset / rMin;
  const shrunk = ring.map((p) => [cx + (p[0]! - cx) * k, cy + (p[1]! - cy) * k] as Position);

  const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sites: Position[] = [];
  // Fine grid; each node kept with a probability that follows the wanted density.
  const step = spacing / 2;
  for (let y = minY + step / 2; y < maxY; y += step) {
    for (let x = minX + step / 2; x < maxX; x += step) {
      const p: Position = [x + (rnd() - 0.5) * step * 0.8, y + (rnd() - 0.5) * step * 0.8];
      if (!insideRing(p, shrunk) || distanceToRing(p, shrunk) < spacing * 0.25) continue;
      if (rnd() < 0.25 * density(p)) sites.push(p);
    }
  }
  const bbox: [number, number, number, number] = [minX - 50, minY - 50, maxX + 50, maxY + 50];
  const cells = voronoi(featureCollection(sites.map((s) => point(s))), { bbox });
  const clip = polygon([shrunk]);
  const out: Cell[] = [];
  cells.features.forEach((c, i) => {
    if (!c) return;
    if (c.geometry.coordinates[0]!.every((p) => insideRing(p, shrunk))) {
      out.push({ site: sites[i]!, geometry: c.geometry as Polygon });
      return;
    }
    const clipped = intersect(featureCollection([c as Feature<Polygon>, clip]));
    if (clipped) out.push({ site: sites[i]!, geometry: clipped.geometry });
  });
  return out;
}
