import type { MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planeAreaHa } from '../../src/core/geometry/area';
import { ellipsoidalAreaHa, geodesicPerimeterM, planePerimeterM } from '../../src/core/geometry/measure';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

/** The browser's figures (src/core/geometry) against PostGIS, the oracle, on every seeded boundary. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

describe('areas and perimeters: src/core vs PostGIS', () => {
  it('ellipsoidal area = ST_Area(geography), plane area = ST_Area(ST_Transform(…, 9215)), perimeters = ST_Perimeter', async () => {
    const { rows } = await ctx.db.pool.query<{ name: string; g: MultiPolygon; geog: number; plane: number; perim_geog: number; perim_plane: number }>(
      `SELECT c.name, ST_AsGeoJSON(b.geom, 15)::json AS g,
              ST_Area(b.geom::geography) / 10000 AS geog,
              ST_Area(ST_Transform(b.geom, 9215)) / 10000 AS plane,
              ST_Perimeter(b.geom::geography) AS perim_geog,
              ST_Perimeter(ST_Transform(b.geom, 9215)) AS perim_plane
       FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) {
      expect(Math.abs(ellipsoidalAreaHa(r.g) - r.geog), r.name).toBeLessThan(1e-4); // 1 m²
      expect(Math.abs(planeAreaHa(r.g, 9215) - r.plane), r.name).toBeLessThan(1e-4);
      expect(Math.abs(geodesicPerimeterM(r.g) - r.perim_geog), r.name).toBeLessThan(0.01);
      expect(Math.abs(planePerimeterM(r.g, 9215) - r.perim_plane), r.name).toBeLessThan(0.01);
    }
  });
});
