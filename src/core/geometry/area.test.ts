import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fromVn2000 } from '../crs/transform';
import { planeAreaHa, ringPlaneArea } from './area';

/** A square of side `m` metres in the TM-3 plane, as lon/lat. */
function squareLonLat(e: number, n: number, m: number): Polygon {
  const ring = [
    [e, n], [e + m, n], [e + m, n + m], [e, n + m], [e, n],
  ].map(([x, y]) => fromVn2000(9215, [x!, y!]));
  return { type: 'Polygon', coordinates: [ring] };
}

describe('planeAreaHa', () => {
  it('a 1 km square in the TM-3 plane is 100 ha', () => {
    expect(planeAreaHa(squareLonLat(484000, 2384000, 1000), 9215)).toBeCloseTo(100, 6);
  });
  it('subtracts holes', () => {
    const outer = squareLonLat(484000, 2384000, 1000);
    const hole = squareLonLat(484200, 2384200, 100);
    const withHole: Polygon = { type: 'Polygon', coordinates: [outer.coordinates[0]!, hole.coordinates[0]!.reverse()] };
    expect(planeAreaHa(withHole, 9215)).toBeCloseTo(99, 6);
  });
  it('ring orientation gives the sign', () => {
    expect(ringPlaneArea([[0, 0], [1, 0], [1, 1], [0, 1]])).toBe(1);
    expect(ringPlaneArea([[0, 0], [0, 1], [1, 1], [1, 0]])).toBe(-1);
  });
});
