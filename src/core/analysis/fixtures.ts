import type { Polygon, Position } from 'geojson';
import { fromVn2000 } from '../crs/transform';
import { LANG_SON_TM3 } from '../crs/vn2000';
import type { PlanFeature } from './plan-index';

/**
 * Test and benchmark fixtures: rectangles laid out in the Lạng Sơn TM-3 plane (so their
 * plane areas are known exactly) and turned into lon/lat polygons.
 */

/** A plane rectangle [x0, y0, x1, y1] (metres, TM-3 107°15′) as a lon/lat polygon. */
export function planeRect(x0: number, y0: number, x1: number, y1: number, epsg = LANG_SON_TM3): Polygon {
  const ring: Position[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map((p) => fromVn2000(epsg, p as [number, number]));
  return { type: 'Polygon', coordinates: [ring] };
}

/** A point of the Lạng Sơn plane near Đình Lập (easting, northing). */
export const ORIGIN: [number, number] = [470_000, 2_380_000];

/**
 * A grid of `n × n` cells of `size` metres starting at `origin`, a partition of the
 * square; land codes cycle through `codes` (layer 'land_use').
 */
export function gridZones(n: number, size: number, codes: readonly string[], origin = ORIGIN, layerId = 'land_use'): PlanFeature[] {
  const out: PlanFeature[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x0 = origin[0] + i * size, y0 = origin[1] + j * size;
      out.push({
        id: `${layerId}-${i}-${j}`,
        layerId,
        landCode: codes[(i * n + j) % codes.length]!,
        name: `Ô ${i}-${j}`,
        geometry: planeRect(x0, y0, x0 + size, y0 + size),
      });
    }
  return out;
}
