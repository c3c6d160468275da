import type { MultiPolygon, Polygon, Position } from 'geojson';
import { toVn2000 } from '../crs/transform';

/** Shoelace area of a closed or open ring in plane coordinates (signed, m²). */
export function ringPlaneArea(ring: readonly Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

function polygonPlaneArea(rings: readonly Position[][], epsg: number): number {
  let area = 0;
  rings.forEach((ring, i) => {
    const projected = ring.map((p) => toVn2000(epsg, [p[0]!, p[1]!]));
    const a = Math.abs(ringPlaneArea(projected));
    area += i === 0 ? a : -a;
  });
  return area;
}

/**
 * Area in hectares in a VN-2000 plane (TM-3 or UTM), the figure decisions state.
 * @example planeAreaHa(polygon, 9215) // → 71.39
 */
export function planeAreaHa(geom: Polygon | MultiPolygon, epsg: number): number {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  return polys.reduce((s, rings) => s + polygonPlaneArea(rings, epsg), 0) / 10_000;
}
