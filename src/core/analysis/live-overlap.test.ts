import { describe, expect, it } from 'vitest';
import { planeAreaHa } from '../geometry/area';
import { gridZones, ORIGIN, planeRect } from './fixtures';
import { computeLiveOverlap } from './live-overlap';
import { PlanIndex, type PlanFeature } from './plan-index';
import { severityOf } from './severity';
import { buildOverlapTable, overlapByCode } from './table';

const [X, Y] = ORIGIN;

/** Four 500 m quadrants (25 ha each) of a 1 km square: LUC, RSX, ONT, CLN. */
const quadrants: PlanFeature[] = gridZones(2, 500, ['LUC', 'RSX', 'ONT', 'CLN']);
const rph: PlanFeature = { id: 'rph', layerId: 'forest', landCode: 'RPH', name: 'Rừng phòng hộ', geometry: planeRect(X + 900, Y + 900, X + 1400, Y + 1400) };

describe('computeLiveOverlap', () => {
  const index = new PlanIndex(9215);
  index.load([...quadrants, rph]);

  it('splits a boundary into hectares per layer and land code, exactly in the plane', () => {
    // 800 m × 800 m = 64 ha centred on the quadrants' corner: 16 ha in each quadrant.
    const boundary = planeRect(X + 100, Y + 100, X + 900, Y + 900);
    const t = computeLiveOverlap(boundary, index, { layerOrder: ['land_use', 'forest'] });
    expect(t.clusterHa).toBeCloseTo(64, 6);
    expect(t.layers.map((l) => l.layerId)).toEqual(['land_use']);
    const codes = Object.fromEntries(t.layers[0]!.codes.map((r) => [r.landCode, r.overlapHa]));
    for (const c of ['LUC', 'RSX', 'ONT', 'CLN']) expect(codes[c]).toBeCloseTo(16, 6);
    expect(t.layers[0]!.uncoveredHa).toBeCloseTo(0, 6);
    // Most severe first: residential (resettlement) before rice and forest (approval), crops last.
    expect(t.layers[0]!.codes.map((r) => r.landCode)).toEqual(['ONT', 'LUC', 'RSX', 'CLN']);
    expect(t.layers[0]!.codes[0]!.pct).toBeCloseTo(25, 6);
  });

  it('reports the uncovered part and overlaps of other layers; the sum adds up', () => {
    const boundary = planeRect(X + 700, Y + 700, X + 1200, Y + 1200); // 25 ha, 9 ha inside the quadrants
    const t = computeLiveOverlap(boundary, index, { layerOrder: ['land_use', 'forest'], withGeometry: true });
    const lu = t.layers.find((l) => l.layerId === 'land_use')!;
    expect(lu.coveredHa).toBeCloseTo(9, 6);
    expect(lu.uncoveredHa).toBeCloseTo(16, 6);
    expect(lu.codes.reduce((s, r) => s + r.overlapHa, 0) + lu.uncoveredHa).toBeCloseTo(t.clusterHa, 6);
    const forest = t.layers.find((l) => l.layerId === 'forest')!;
    expect(forest.codes[0]).toMatchObject({ landCode: 'RPH', severity: 'blocking' });
    expect(forest.codes[0]!.overlapHa).toBeCloseTo(9, 6); // 300 × 300 m
    // The overlap geometry comes back in lon/lat with the same plane area.
    const g = forest.codes[0]!.features[0]!.geometry!;
    expect(planeAreaHa(g, 9215)).toBeCloseTo(9, 4);
    expect(t.severities[0]).toMatchObject({ severity: 'blocking' });
  });

  it('counts ground shown by two layers once in the severity totals', () => {
    const twice = new PlanIndex(9215);
    twice.load([rph, { ...rph, id: 'rph-lu', layerId: 'land_use' }]);
    const t = computeLiveOverlap(planeRect(X + 700, Y + 700, X + 1200, Y + 1200), twice);
    expect(t.layers.map((l) => l.codes[0]!.overlapHa)).toEqual([expect.closeTo(9, 6), expect.closeTo(9, 6)]);
    expect(t.severities).toEqual([{ severity: 'blocking', overlapHa: expect.closeTo(9, 6), pct: expect.closeTo(36, 6) }]);
  });

  it('finds nothing for a boundary away from the zones', () => {
    const t = computeLiveOverlap(planeRect(X + 5000, Y, X + 5100, Y + 100), index);
    expect(t.layers).toEqual([]);
    expect(t.clusterHa).toBeCloseTo(1, 6);
  });
});

describe('severity', () => {
  it('follows DOMAIN.md §5 and treats other clusters as conflicts', () => {
    expect(severityOf('forest', 'RPH')).toBe('blocking');
    expect(severityOf('land_use', 'RDD')).toBe('blocking');
    expect(severityOf('land_use', 'LUN')).toBe('needs_approval'); // legacy code mapped
    expect(severityOf('land_use', 'ODT')).toBe('resettlement');
    expect(severityOf('industrial', 'SKK')).toBe('conflict');
    expect(severityOf('industrial', 'SKN')).toBe('conflict');
    expect(severityOf('industrial', 'SKN', true)).toBe('target');
    expect(severityOf('clusters', 'SKN')).toBe('conflict');
    expect(severityOf('corridors', 'DGT')).toBe('corridor');
    expect(severityOf('x', 'ZZZ')).toBe('none');
  });
});

describe('buildOverlapTable', () => {
  it('groups, sorts and totals by severity', () => {
    const t = buildOverlapTable(
      10,
      [
        { id: 1, layerId: 'land_use', landCode: 'CLN', name: 'a', severity: 'compensation', overlapHa: 2 },
        { id: 2, layerId: 'land_use', landCode: 'CLN', name: 'b', severity: 'compensation', overlapHa: 3 },
        { id: 3, layerId: 'forest', landCode: 'RPH', name: 'c', severity: 'blocking', overlapHa: 1 },
        { id: 4, layerId: 'forest', landCode: 'RSX', name: 'd', severity: 'needs_approval', overlapHa: 1e-9 },
      ],
      new Map([['land_use', 5]]),
      ['land_use', 'forest'],
    );
    expect(t.layers.map((l) => l.layerId)).toEqual(['land_use', 'forest']);
    expect(t.layers[0]!.codes[0]).toMatchObject({ landCode: 'CLN', overlapHa: 5, pct: 50 });
    expect(t.layers[0]!.codes[0]!.features.map((f) => f.id)).toEqual([2, 1]);
    expect(t.layers[0]!.uncoveredHa).toBe(5);
    expect(t.layers[1]!.codes.map((r) => r.landCode)).toEqual(['RPH']); // touching edge dropped
    expect(t.severities.map((s) => s.severity)).toEqual(['blocking', 'compensation']);
    expect(overlapByCode(t).get('forest|RPH')).toBe(1);
  });
});
