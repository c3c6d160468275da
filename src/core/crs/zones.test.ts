import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDms, parseDms } from './dms';
import { createZoneDetector, provinceKey, tm3ZoneForProvince, utmZoneFor } from './zones';
import { TM3_ZONES } from './vn2000';

const provinces = JSON.parse(
  readFileSync(new URL('../../../data/boundaries/vn_provinces_lowres_census2009.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;
const fileNames = provinces.features.map((f) => (f.properties as { name: string }).name);

describe('TM-3 zone table and the bundled province boundaries', () => {
  it('every one of the 63 provinces in the boundary file has exactly one TM-3 zone', () => {
    expect(fileNames).toHaveLength(63);
    for (const name of fileNames) {
      const zones = TM3_ZONES.filter((z) => z.provinces.some((p) => provinceKey(p) === provinceKey(name)));
      expect(zones.map((z) => z.epsg), name).toHaveLength(1);
    }
  });
  it('every province named in the zone table is in the boundary file (Hà Tây merged into Hà Nội in 2008)', () => {
    const keys = new Set(fileNames.map(provinceKey));
    const missing = TM3_ZONES.flatMap((z) => z.provinces).filter((p) => !keys.has(provinceKey(p)));
    expect(missing).toEqual(['Hà Tây']);
  });
  it('matches spelling variants: Hoà Bình / Hòa Bình, Huế / Thừa Thiên Huế', () => {
    expect(tm3ZoneForProvince('Hoà Bình')?.epsg).toBe(9211);
    expect(tm3ZoneForProvince('Huế')?.epsg).toBe(9214);
    expect(tm3ZoneForProvince('Tỉnh Lạng Sơn')?.epsg).toBe(9215);
  });
  it('detects the zone of a point from the province it lies in', () => {
    const detect = createZoneDetector(provinces);
    expect(detect([107.098, 21.551])).toMatchObject({ province: 'Lạng Sơn', zone: { epsg: 9215 } });
    expect(detect([105.85, 21.03])).toMatchObject({ province: 'Hà Nội', zone: { epsg: 5897 } });
    expect(detect([106.7, 10.78])).toMatchObject({ province: 'Hồ Chí Minh', zone: { epsg: 9210 } });
    expect(detect([110, 15])).toBeUndefined(); // the sea
    expect(utmZoneFor(107.1)).toBe(3405);
    expect(utmZoneFor(108.2)).toBe(3406);
  });
});

describe('DMS', () => {
  it('parses what surveyors print', () => {
    expect(parseDms('107°15′30.5″E')).toBeCloseTo(107 + 15 / 60 + 30.5 / 3600, 10);
    expect(parseDms("21° 33' 03,6\" N")).toBeCloseTo(21 + 33 / 60 + 3.6 / 3600, 10);
    expect(parseDms('107 15 30.5')).toBeCloseTo(107.25847222, 7);
    expect(parseDms('21°33′S')).toBeCloseTo(-21.55, 10);
    expect(parseDms('107°75′')).toBeUndefined();
    expect(parseDms('abc')).toBeUndefined();
  });
  it('formats and parses back', () => {
    expect(formatDms(107.25847222)).toBe('107°15′30,50″');
    expect(parseDms(formatDms(21.5512345, ['N', 'S'], 4))).toBeCloseTo(21.5512345, 7);
  });
});
