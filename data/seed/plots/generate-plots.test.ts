import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANG_SON_TM3 } from '../../../src/core/crs/vn2000';
import { planeAreaHa } from '../../../src/core/geometry/area';
import { computeOccupancy } from '../../../src/core/occupancy/occupancy';
import { generatePlots } from './generate-plots';
import { buildTenants } from './tenants';

const here = new URL('.', import.meta.url);
const committed = JSON.parse(readFileSync(new URL('ho-son-1.plots.geojson', here), 'utf8'));
const tenants = JSON.parse(readFileSync(new URL('ho-son-1.tenants.json', here), 'utf8'));

describe('synthetic detailed plan of Hồ Sơn 1', () => {
  it('the committed files are what the generator writes (regenerate with npx tsx data/seed/plots/generate-plots.ts)', () => {
    const plots = generatePlots();
    expect(JSON.parse(JSON.stringify(plots.features))).toEqual(committed.features);
    const codes = plots.features.filter((f) => f.properties.land_use === 'industrial').map((f) => f.properties.code);
    expect(JSON.parse(JSON.stringify(buildTenants(codes)))).toEqual(tenants);
  });

  it('covers the 73,76 ha boundary with plots whose plane areas sum to it (less dropped slivers)', () => {
    const total = committed.features.reduce((s: number, f: { geometry: never }) => s + planeAreaHa(f.geometry, LANG_SON_TM3), 0);
    expect(total).toBeGreaterThan(72.5);
    expect(total).toBeLessThanOrEqual(73.76 + 0.01);
  });

  it('holds about 15 projects; the occupancy of the demo lies between 40 and 60 %', () => {
    expect(tenants.projects).toHaveLength(15);
    const held = new Map<string, string>();
    for (const p of tenants.projects) for (const pl of p.plots) if (!pl.released_on) held.set(pl.code, p.status);
    const o = computeOccupancy(
      committed.features.map((f: { properties: { code: string; land_use: 'industrial' }; geometry: never }) => ({
        landUse: f.properties.land_use,
        areaHa: planeAreaHa(f.geometry, LANG_SON_TM3),
        projectStatus: (held.get(f.properties.code) ?? null) as null,
      })),
    );
    expect(o.occupancyPct).toBeGreaterThan(40);
    expect(o.occupancyPct).toBeLessThan(60);
  });
});
