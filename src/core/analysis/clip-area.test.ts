import { feature, featureCollection, intersect, union } from '@turf/turf';
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { intersectionArea, toRegion } from './clip-area';
import { planePolygonsHa } from './live-overlap';

const X = 470_000, Y = 2_380_000;
const rect = (x0: number, y0: number, x1: number, y1: number): Position[][][] => [[[[X + x0, Y + y0], [X + x1, Y + y0], [X + x1, Y + y1], [X + x0, Y + y1], [X + x0, Y + y0]]]];
const geom = (p: Position[][][]): Polygon | MultiPolygon => (p.length === 1 ? { type: 'Polygon', coordinates: p[0]! } : { type: 'MultiPolygon', coordinates: p });
const area = (a: Position[][][], zones: Position[][][][]) => intersectionArea(toRegion(a), zones.map(toRegion));

/** Turf (a general clipper) as the oracle, m². */
function turfArea(a: Position[][][], zones: Position[][][][]): number {
  const pieces = zones.map((z) => intersect(featureCollection([feature(geom(a)), feature(geom(z))]))).filter((p) => p !== null);
  if (!pieces.length) return 0;
  const u = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces))!;
  return planePolygonsHa(u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates) * 10_000;
}

/** A star-shaped (often concave) polygon around (cx, cy). */
function star(cx: number, cy: number, radii: number[], turn = 0): Position[][][] {
  const ring = radii.map((r, i) => {
    const t = turn + (2 * Math.PI * i) / radii.length;
    return [X + cx + r * Math.cos(t), Y + cy + r * Math.sin(t)];
  });
  ring.push(ring[0]!);
  return [[ring]];
}

describe('intersectionArea', () => {
  it('is exact for rectangles, either orientation, with holes and multipolygons', () => {
    expect(area(rect(0, 0, 100, 100), [rect(50, 50, 200, 200)])).toBeCloseTo(2500, 6);
    const cw = rect(0, 0, 100, 100).map((p) => p.map((r) => [...r].reverse()));
    expect(area(cw, [rect(50, 50, 200, 200)])).toBeCloseTo(2500, 6);
    const holed: Position[][][] = [[rect(0, 0, 100, 100)[0]![0]!, rect(20, 20, 80, 80)[0]![0]!]];
    expect(area(holed, [rect(0, 0, 100, 100)])).toBeCloseTo(10000 - 3600, 6);
    const multi: Position[][][] = [...rect(0, 0, 10, 10), ...rect(20, 0, 30, 10)];
    expect(area(multi, [rect(5, 0, 25, 10)])).toBeCloseTo(100, 6);
    expect(area(rect(0, 0, 10, 10), [rect(20, 20, 30, 30)])).toBe(0);
    // A zone wholly inside (the fast path: A's boundary never comes near it), with a hole.
    const donut: Position[][][] = [[rect(20, 20, 80, 80)[0]![0]!, rect(40, 40, 60, 60)[0]![0]!]];
    expect(area(rect(0, 0, 100, 100), [donut])).toBeCloseTo(3600 - 400, 6);
    expect(area(rect(0, 0, 100, 100), [rect(-500, -500, 500, 500)])).toBeCloseTo(10000, 6); // A wholly inside the zone
  });

  it('handles shared and identical edges: a polygon with itself, a partition, duplicates', () => {
    const a = rect(0, 0, 100, 100);
    expect(area(a, [a])).toBeCloseTo(10000, 6);
    expect(area(a, [rect(0, 0, 100, 50)])).toBeCloseTo(5000, 6); // three edges shared
    // A partition of a larger square into 4 cells covers a cut-out exactly once.
    const cells = [rect(-50, -50, 50, 50), rect(50, -50, 150, 50), rect(-50, 50, 50, 150), rect(50, 50, 150, 150)];
    expect(area(a, cells)).toBeCloseTo(10000, 6);
    // The same zone twice (two layers showing the same forest) counts once.
    expect(area(a, [rect(20, 20, 60, 60), rect(20, 20, 60, 60)])).toBeCloseTo(1600, 6);
    // Overlapping zones: union.
    expect(area(a, [rect(0, 0, 60, 100), rect(40, 0, 100, 100)])).toBeCloseTo(10000, 6);
    // Touching from outside: zero.
    expect(area(a, [rect(100, 0, 200, 100)])).toBeCloseTo(0, 6);
  });

  it('agrees with a general clipper on random concave polygons and groups (property)', () => {
    const radii = fc.array(fc.double({ min: 40, max: 400, noNaN: true }), { minLength: 3, maxLength: 14 });
    const poly = fc.record({ cx: fc.double({ min: -300, max: 300, noNaN: true }), cy: fc.double({ min: -300, max: 300, noNaN: true }), radii, turn: fc.double({ min: 0, max: 6, noNaN: true }) });
    fc.assert(
      fc.property(poly, fc.array(poly, { minLength: 1, maxLength: 4 }), (s, zs) => {
        const a = star(s.cx, s.cy, s.radii, s.turn);
        const zones = zs.map((z) => star(z.cx, z.cy, z.radii, z.turn));
        let oracle: number;
        try {
          oracle = turfArea(a, zones);
        } catch {
          return true; // the oracle itself failed on this input
        }
        const got = area(a, zones);
        expect(Math.abs(got - oracle)).toBeLessThan(1e-6 * Math.max(1, oracle) + 1e-3);
      }),
      { numRuns: 60, seed: 42 },
    );
  }, 60_000);
});
