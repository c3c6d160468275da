/** Which parcels a box or lasso takes: those whose inner point lies inside the drawn ring. */
import type { Position } from 'geojson';

/** Even-odd test of a point against a closed ring (lon/lat or plane, same units). */
export function pointInRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside;
  }
  return inside;
}

/**
 * Ids of the items whose point lies inside the ring.
 * @example idsInRing([{ id: 1, point: [0.5, 0.5] }], [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) // → [1]
 */
export function idsInRing<T extends string | number>(items: readonly { id: T; point: Position | null | undefined }[], ring: readonly Position[]): T[] {
  return items.filter((x) => x.point && pointInRing(x.point, ring)).map((x) => x.id);
}
