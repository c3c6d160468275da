import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createZoneDetector, type ProvinceZone } from '../../src/core/crs/zones';
import { LANG_SON_TM3 } from '../../src/core/crs/vn2000';

let detector: ((p: readonly number[]) => ProvinceZone | undefined) | undefined;

/** TM-3 zone of a point from the bundled province boundaries (the same file the browser uses). */
export function detectZone(lonLat: readonly number[]): ProvinceZone | undefined {
  if (!detector) {
    const fc = JSON.parse(
      readFileSync(new URL('../../data/boundaries/vn_provinces_lowres_census2009.geojson', import.meta.url), 'utf8'),
    ) as FeatureCollection;
    detector = createZoneDetector(fc);
  }
  return detector(lonLat);
}

/** The first vertex of a boundary: the point whose province gives a geometry its TM-3 zone. */
export const firstVertex = (g: Polygon | MultiPolygon): number[] => (g.type === 'Polygon' ? g.coordinates[0]![0]! : g.coordinates[0]![0]![0]!);

/** The zone of a geometry's province, or Lạng Sơn's outside the bundled provinces. */
export const defaultTm3Srid = (g: Polygon | MultiPolygon): number => detectZone(firstVertex(g))?.zone.epsg ?? LANG_SON_TM3;
