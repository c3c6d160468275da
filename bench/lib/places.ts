/** Seeded random places inside the province: points, 70 ha proposals, tiles. */
import type { Polygon, Position } from 'geojson';
import { lonLatToTile } from '../../server/tiles/tile-math';
import type { Mask } from '../data/province';

export function randomXY(mask: Mask, rand: () => number): [number, number] {
  for (;;) {
    const x = mask.minX + rand() * (mask.maxX - mask.minX);
    const y = mask.minY + rand() * (mask.maxY - mask.minY);
    if (mask.inside(x, y)) return [x, y];
  }
}

export const randomLonLat = (mask: Mask, rand: () => number): Position => mask.frame.toLonLat(...randomXY(mask, rand));

/**
 * An irregular 9-sided proposal of `ha` hectares (in the local metric frame; ~0.3 % from the
 * TM-3 plane) around a random point of the province, well inside it.
 */
export function proposal(mask: Mask, rand: () => number, ha = 70): Polygon {
  for (;;) {
    const [cx, cy] = randomXY(mask, rand);
    const n = 9;
    const pts: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const t = (2 * Math.PI * (k + 0.3 * (rand() - 0.5))) / n;
      const r = 0.7 + 0.3 * rand();
      pts.push([Math.cos(t) * r, Math.sin(t) * r]);
    }
    let a = 0;
    for (let i = 0; i < n; i++) a += pts[i]![0] * pts[(i + 1) % n]![1] - pts[(i + 1) % n]![0] * pts[i]![1];
    const s = Math.sqrt((ha * 10_000) / (a / 2));
    const xy = pts.map(([x, y]) => [cx + x * s, cy + y * s] as [number, number]);
    if (!xy.every(([x, y]) => mask.inside(x, y))) continue;
    const ring = xy.map(([x, y]) => mask.frame.toLonLat(x, y));
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }
}

/** `n` different tiles at zoom z under random points of the province. */
export function randomTiles(mask: Mask, rand: () => number, z: number, n: number): [number, number, number][] {
  const seen = new Set<string>();
  const out: [number, number, number][] = [];
  for (let guard = 0; out.length < n && guard < n * 200; guard++) {
    const [lon, lat] = randomLonLat(mask, rand);
    const [x, y] = lonLatToTile(lon!, lat!, z);
    const k = `${x}/${y}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([z, x, y]);
  }
  return out;
}
