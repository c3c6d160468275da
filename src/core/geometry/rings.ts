import type { Position } from 'geojson';
import { pointInRing } from '../crs/zones';

/** Local metric frame (equirectangular around a latitude) for thresholds in m and m². */
export function metricFrame(lat0: number): (p: Position) => [number, number] {
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_574;
  return (p) => [p[0]! * kx, p[1]! * ky];
}

/** Signed shoelace area of a closed ring (positive = counter-clockwise). */
export function signedArea(ring: readonly Position[], f: (p: Position) => [number, number] = (p) => [p[0]!, p[1]!]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = f(ring[i]!);
    const [x2, y2] = f(ring[i + 1]!);
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}

export function ringLength(ring: readonly Position[], f: (p: Position) => [number, number]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = f(ring[i]!);
    const [x2, y2] = f(ring[i + 1]!);
    s += Math.hypot(x2 - x1, y2 - y1);
  }
  return s;
}

export const samePoint = (a: Position, b: Position, tol = 1e-10): boolean =>
  Math.abs(a[0]! - b[0]!) <= tol && Math.abs(a[1]! - b[1]!) <= tol;

/** A point certainly inside-or-on a ring other than vertex `avoid`: midpoint of a segment not touching it. */
export function probePoint(ring: readonly Position[], avoid?: Position): Position {
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (avoid && (samePoint(a, avoid) || samePoint(b, avoid))) continue;
    return [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
  }
  return ring[0]!;
}

/** Whether ring `inner` lies inside ring `outer` (tested at a probe point of inner). */
export function ringInside(inner: readonly Position[], outer: readonly Position[], avoid?: Position): boolean {
  return pointInRing(probePoint(inner, avoid), outer);
}
