import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOT_LAND_USES, PLOT_MAP_CLASSES, PROJECT_STATUSES, plotMapClass, type PlotLandUse, type ProjectStatus } from './land-use';
import { computeOccupancy, effectiveOccupancyPct, typedOccupancyPct, type PlotHolding } from './occupancy';

const plot = (landUse: PlotLandUse, areaHa: number, projectStatus: ProjectStatus | null = null): PlotHolding => ({
  landUse,
  areaHa,
  projectStatus,
});

describe('computeOccupancy', () => {
  it('divides occupied industrial land by industrial land, not by the gross plan area', () => {
    const o = computeOccupancy([
      plot('industrial', 3, 'operating'),
      plot('industrial', 1),
      plot('roads', 2),
      plot('green', 4),
      plot('wastewater', 0.5),
    ]);
    expect(o.industrialAreaHa).toBe(4);
    expect(o.occupiedAreaHa).toBe(3);
    expect(o.vacantAreaHa).toBe(1);
    expect(o.occupancyPct).toBe(75); // ÷ gross (10.5 ha) would be 28.6 %
    expect(o.industrialPlotCount).toBe(2);
    expect(o.occupiedPlotCount).toBe(1);
  });

  it('counts an investment-approved plot as occupied and a terminated project’s plot as vacant', () => {
    expect(computeOccupancy([plot('industrial', 2, 'approved'), plot('industrial', 2)]).occupancyPct).toBe(50);
    expect(computeOccupancy([plot('industrial', 2, 'terminated'), plot('industrial', 2, 'suspended')]).occupancyPct).toBe(50);
  });

  it('is null for a plan without industrial plots, and a project on a road does not count', () => {
    const o = computeOccupancy([plot('roads', 3, 'operating'), plot('green', 1)]);
    expect(o.occupancyPct).toBeNull();
    expect(o.occupiedAreaHa).toBe(0);
  });

  it('refuses a negative or non-finite area', () => {
    expect(() => computeOccupancy([plot('industrial', -1)])).toThrow(RangeError);
    expect(() => computeOccupancy([plot('industrial', Number.NaN)])).toThrow(RangeError);
  });

  it('stays within 0–100 % and occupied + vacant = industrial (property)', () => {
    const arb = fc.array(
      fc.record({
        landUse: fc.constantFrom(...PLOT_LAND_USES),
        areaHa: fc.double({ min: 0, max: 50, noNaN: true }),
        projectStatus: fc.option(fc.constantFrom(...PROJECT_STATUSES), { nil: null }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (plots) => {
        const o = computeOccupancy(plots);
        expect(o.occupiedAreaHa + o.vacantAreaHa).toBeCloseTo(o.industrialAreaHa, 9);
        if (o.occupancyPct !== null) {
          expect(o.occupancyPct).toBeGreaterThanOrEqual(0);
          expect(o.occupancyPct).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });
});

describe('typed and effective occupancy', () => {
  it('typed: leased ÷ industrial, null when a figure is missing', () => {
    expect(typedOccupancyPct(30.5, 52)).toBeCloseTo(58.6538, 4);
    expect(typedOccupancyPct(null, 52)).toBeNull();
    expect(typedOccupancyPct(10, 0)).toBeNull();
    // Land covered by an investment approval but not yet leased counts too.
    expect(typedOccupancyPct(26.9, 48.5, 3.1)).toBeCloseTo((100 * 30) / 48.5, 6);
    expect(typedOccupancyPct(null, 48.5, 3.1)).toBeCloseTo((100 * 3.1) / 48.5, 6);
  });
  it('prefers the computed value when the cluster has plots', () => {
    expect(effectiveOccupancyPct(61.2, 58.7)).toEqual({ pct: 61.2, source: 'computed' });
    expect(effectiveOccupancyPct(null, 58.7)).toEqual({ pct: 58.7, source: 'typed' });
    expect(effectiveOccupancyPct(undefined, null)).toEqual({ pct: null, source: 'none' });
  });
});

describe('plotMapClass', () => {
  it('colours industrial plots by their project, others by land use', () => {
    expect(plotMapClass('industrial', null)).toBe('vacant');
    expect(plotMapClass('industrial', 'terminated')).toBe('vacant');
    expect(plotMapClass('industrial', 'under_construction')).toBe('under_construction');
    expect(plotMapClass('wastewater', 'operating')).toBe('use_wastewater');
    for (const u of PLOT_LAND_USES) for (const s of [null, ...PROJECT_STATUSES]) expect(PLOT_MAP_CLASSES).toContain(plotMapClass(u, s));
  });
});
