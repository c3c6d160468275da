import { describe, expect, it } from 'vitest';
import { planeRect } from './fixtures';
import { MAX_VERTICES, validateBoundary } from './validate';

const square = planeRect(470_000, 2_380_000, 470_800, 2_380_800);

describe('validateBoundary', () => {
  it('accepts a valid polygon, a multipolygon and repeated vertices', () => {
    expect(validateBoundary(square)).toBeUndefined();
    expect(validateBoundary({ type: 'MultiPolygon', coordinates: [square.coordinates] })).toBeUndefined();
    const ring = square.coordinates[0]!;
    expect(validateBoundary({ type: 'Polygon', coordinates: [[ring[0], ring[1], ring[1], ring[2], ring[3], ring[4]]] })).toBeUndefined();
  });

  it('refuses wrong types, empty and malformed geometry with the reason', () => {
    expect(validateBoundary({ type: 'Point', coordinates: [107, 21] })?.code).toBe('TYPE');
    expect(validateBoundary(null)?.code).toBe('TYPE');
    expect(validateBoundary({ type: 'Polygon', coordinates: [] })?.code).toBe('EMPTY');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[]] })?.code).toBe('EMPTY');
    expect(validateBoundary({ type: 'MultiPolygon', coordinates: [] })?.code).toBe('EMPTY');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[107, 21], [107, 'x'], [107.1, 21], [107, 21]]] })?.message).toContain('vertex 2');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[107, 21], [107.1, 21], [107, 21]]] })?.code).toBe('RING');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[107, 21], [107.1, 21], [107.1, 21.1], [107, 21.1]]] })?.message).toContain('not closed');
  });

  it('refuses out-of-range and non-Vietnamese coordinates, saying where', () => {
    const bad = validateBoundary({ type: 'Polygon', coordinates: [[[107, 21], [200, 21], [107.1, 21.1], [107, 21]]] });
    expect(bad?.code).toBe('OUT_OF_RANGE');
    expect(bad?.where).toMatchObject({ polygon: 0, ring: 0, vertex: 1 });
    // lat/lon swapped
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[21, 107], [21.1, 107], [21.1, 107.1], [21, 107]]] })?.code).toBe('OUT_OF_RANGE');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[2, 48], [2.1, 48], [2.1, 48.1], [2, 48]]] })?.code).toBe('OUTSIDE_VIETNAM');
    expect(validateBoundary({ type: 'Polygon', coordinates: [[[107, 21], [NaN, 21], [107.1, 21.1], [107, 21]]] })?.code).toBe('COORDINATES');
  });

  it('finds a self-intersection (bow tie) and says where it crosses', () => {
    const bow = { type: 'Polygon', coordinates: [[[107, 21], [107.01, 21.01], [107.01, 21], [107, 21.01], [107, 21]]] };
    const p = validateBoundary(bow);
    expect(p?.code).toBe('SELF_INTERSECTION');
    expect(p?.where?.point?.[0]).toBeCloseTo(107.005, 6);
    expect(p?.where?.point?.[1]).toBeCloseTo(21.005, 6);
    expect(p?.message).toContain('107.005000, 21.005000');
  });

  it('refuses a hole crossing its shell but allows a hole inside', () => {
    const shell = [[107, 21], [107.1, 21], [107.1, 21.1], [107, 21.1], [107, 21]];
    const inner = [[107.02, 21.02], [107.02, 21.04], [107.04, 21.04], [107.04, 21.02], [107.02, 21.02]];
    const crossing = [[107.05, 21.05], [107.05, 21.2], [107.06, 21.2], [107.06, 21.05], [107.05, 21.05]];
    expect(validateBoundary({ type: 'Polygon', coordinates: [shell, inner] })).toBeUndefined();
    expect(validateBoundary({ type: 'Polygon', coordinates: [shell, crossing] })?.code).toBe('SELF_INTERSECTION');
  });

  it('refuses too many vertices before looking at them', () => {
    const ring = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [107 + i * 1e-7, 21]);
    const t0 = performance.now();
    expect(validateBoundary({ type: 'Polygon', coordinates: [ring] })?.code).toBe('TOO_MANY_VERTICES');
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('checks a 20,000-vertex circle quickly', () => {
    const n = 20_000;
    const ring = Array.from({ length: n }, (_, i) => [107 + 0.01 * Math.cos((2 * Math.PI * i) / n), 21 + 0.01 * Math.sin((2 * Math.PI * i) / n)]);
    ring.push(ring[0]!);
    const t0 = performance.now();
    expect(validateBoundary({ type: 'Polygon', coordinates: [ring] })).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
