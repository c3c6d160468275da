import { describe, expect, it } from 'vitest';
import { fromVn2000 } from '../../core/crs/transform';
import { snapIndex, snapPoint } from '../../core/geometry/snap';
import { checkRing, composeBoard, measure } from './session';

const sq = (e: number, n: number, m: number) =>
  [[e, n], [e + m, n], [e + m, n + m], [e, n + m]].map(([x, y]) => fromVn2000(9215, [x!, y!]));

describe('drawing session logic (no browser)', () => {
  it('refuses a click that makes the drawn chain cross itself, at the crossing point', () => {
    const chain = [[0, 0], [2, 0], [2, 2], [1, -1]]; // last edge crosses the first
    const r = checkRing(chain, true);
    expect(r.valid).toBe(false);
    if (!r.valid) {
      expect(r.point[0]).toBeCloseTo(4 / 3, 12);
      expect(r.point[1]).toBeCloseTo(0, 12);
    }
    expect(checkRing([[0, 0], [2, 0], [2, 2], [0, 2]], true)).toEqual({ valid: true });
    // The closing edge is not judged while drawing, but it is once closed.
    expect(checkRing([[0, 0], [2, 0], [0, 2], [2, 2]], true)).toEqual({ valid: true });
    expect(checkRing([[0, 0], [2, 0], [0, 2], [2, 2], [0, 0]], false).valid).toBe(false);
  });

  it('composes parts and holes and measures plane, ellipsoidal area and perimeter', () => {
    const outer = sq(484000, 2384000, 1000);
    const hole = sq(484200, 2384200, 100);
    const other = sq(486000, 2384000, 500);
    const { geometry } = composeBoard([
      { id: 1, role: 'part', ring: outer },
      { id: 2, role: 'hole', ring: hole },
      { id: 3, role: 'part', ring: other },
    ]);
    expect(geometry!.type).toBe('MultiPolygon');
    const m = measure(geometry!, 9215);
    expect(m.planeHa).toBeCloseTo(100 - 1 + 25, 6);
    expect(Math.abs(m.ellipsoidalHa / m.planeHa - 1)).toBeLessThan(0.005);
    expect(m.perimeterM).toBeCloseTo(4000 + 400 + 2000, 1);
  });

  it('snaps to a nearby vertex first, then to an edge', () => {
    const fc = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[107, 21.5], [107.01, 21.5], [107.01, 21.51], [107, 21.5]]] } }] };
    const idx = snapIndex([fc]);
    expect(snapPoint([107.00005, 21.50003], idx, 10)).toEqual([107, 21.5]);
    const onEdge = snapPoint([107.005, 21.50004], idx, 10)!;
    expect(onEdge[1]).toBeCloseTo(21.5, 9);
    expect(snapPoint([107.005, 21.502], idx, 10)).toBeUndefined();
  });
});
