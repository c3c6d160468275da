import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planeAreaHa } from './area';
import geographiclib from 'geographiclib-geodesic';
import { degreesCovering, ellipsoidalAreaHa, geodesicPerimeterM, planePerimeterM } from './measure';

const fc = JSON.parse(readFileSync(new URL('../../../data/seed/cluster-boundaries.geojson', import.meta.url), 'utf8'));
const dinhLap = fc.features.find((f: { properties: { key: string } }) => f.properties.key === 'dinh-lap').geometry as Polygon;

describe('measures', () => {
  it('ellipsoidal area of Đình Lập agrees with PostGIS ST_Area(geography) and the plane area to < 0.5 %', () => {
    // Checked against PostGIS ST_Area(geography) on every seeded boundary in tests/api/measure.test.ts.
    const e = ellipsoidalAreaHa(dinhLap);
    expect(Math.abs(e / planeAreaHa(dinhLap, 9215) - 1)).toBeLessThan(0.005);
    expect(e).toBeGreaterThan(71);
  });
  it('perimeter in the plane and on the ellipsoid agree to 0.1 %', () => {
    const p = planePerimeterM(dinhLap, 9215);
    const g = geodesicPerimeterM(dinhLap);
    expect(p).toBeGreaterThan(3000);
    expect(Math.abs(p / g - 1)).toBeLessThan(0.001);
  });
  it('a hole is subtracted', () => {
    const sq = (x: number, y: number, d: number) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
    const outer = ellipsoidalAreaHa({ type: 'Polygon', coordinates: [sq(107, 21.5, 0.01)] });
    const withHole = ellipsoidalAreaHa({ type: 'Polygon', coordinates: [sq(107, 21.5, 0.01), sq(107.001, 21.501, 0.001).reverse()] });
    expect(outer - withHole).toBeCloseTo(outer / 100, 1);
  });
});

describe('degreesCovering (index search box for a distance)', () => {
  const WGS84 = geographiclib.Geodesic.WGS84;
  it('covers every point at that geodesic distance, in every direction, from the equator to 60°, and is not loose', () => {
    for (const lat of [0, 10, 21.8, 23.4, 45, 60]) {
      for (const m of [20, 1000, 5000]) {
        const deg = degreesCovering(m, lat);
        let widest = 0;
        for (let az = 0; az < 360; az += 5) {
          const p = WGS84.Direct(lat, 106.5, az, m);
          widest = Math.max(widest, Math.abs(p.lon2! - 106.5), Math.abs(p.lat2! - lat));
        }
        expect(widest, `${m} m at ${lat}°`).toBeLessThanOrEqual(deg);
        expect(deg / widest, `${m} m at ${lat}°`).toBeLessThan(1.06);
      }
    }
  });
});
