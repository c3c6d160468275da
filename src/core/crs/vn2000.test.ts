import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { srsMigrationSql } from './srs-sql';
import { fromVn2000, toVn2000 } from './transform';
import { crsByEpsg, TM3_ZONES, VN2000_CRS } from './vn2000';

describe('VN-2000 CRS table', () => {
  it('has the 17 provincial TM-3 zones with k = 0.9999', () => {
    expect(TM3_ZONES).toHaveLength(17);
    for (const z of TM3_ZONES) expect(crsByEpsg(z.epsg)?.proj4).toContain(`+lon_0=${z.meridian} +k=0.9999 +x_0=500000`);
    expect(VN2000_CRS.map((c) => c.epsg)).toEqual(expect.arrayContaining([3405, 3406, 4756, 9215]));
  });

  it('Lạng Sơn is on 107°15′ (EPSG:9215)', () => {
    expect(TM3_ZONES.find((z) => z.provinces.includes('Lạng Sơn'))).toMatchObject({ epsg: 9215, meridian: 107.25 });
  });

  it('projects thị trấn Đình Lập as PostGIS does (reference value from ST_Transform)', () => {
    // SELECT ST_AsText(ST_Transform(ST_SetSRID(ST_MakePoint(107.098, 21.551), 4326), 9215)) on PostGIS 3.3
    const [e, n] = toVn2000(9215, [107.098, 21.551]);
    expect(e).toBeCloseTo(484061.568, 2);
    expect(n).toBeCloseTo(2383963.873, 2);
    const [lon, lat] = fromVn2000(9215, [e, n]);
    expect(lon).toBeCloseTo(107.098, 7); // 5e-8° ≈ 5 mm
    expect(lat).toBeCloseTo(21.551, 7);
  });

  it('the migration that fills spatial_ref_sys is generated from this table (run `npm run gen:srs`)', () => {
    const file = readFileSync(new URL('../../../data/migrations/002_vn2000_srs.sql', import.meta.url), 'utf8');
    expect(file).toBe(srsMigrationSql());
  });
});
