import type { MultiPolygon, Polygon } from 'geojson';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { planeAreaHa } from '../../src/core/geometry/area';
import { describe, type Issue, type Repair } from '../../src/core/geometry/issues';
import { ellipsoidalAreaHa, planePerimeterM } from '../../src/core/geometry/measure';
import { repairGeometry } from '../../src/core/geometry/repair';
import { detectZone, firstVertex } from '../analysis/tm3-zone';
import type { RawFeature } from './types';

export interface Note {
  code: string;
  message: string;
  message_vi: string;
  where?: Repair['where'];
  count?: number;
  area_m2?: number;
}

export interface ImportedFeature {
  index: number;
  name: string | null;
  properties: Record<string, unknown>;
  status: 'ok' | 'repaired' | 'refused';
  geometry: Polygon | MultiPolygon | null;
  tm3_srid: number | null;
  province: string | null;
  plane_area_ha: number | null;
  ellipsoidal_area_ha: number | null;
  perimeter_m: number | null;
  repairs: Note[];
  issues: Note[];
}

const note = (x: Issue | Repair): Note => ({
  code: x.code,
  message: describe(x, 'en'),
  message_vi: describe(x, 'vi'),
  ...(x.where ? { where: x.where } : {}),
  ...('count' in x && x.count !== undefined ? { count: x.count } : {}),
  ...('areaM2' in x && x.areaM2 !== undefined ? { area_m2: x.areaM2 } : {}),
});

const NAME_KEYS = ['name', 'Name', 'NAME', 'ten', 'Ten', 'TEN', 'title', 'TenCCN', 'ten_ccn'];

/**
 * Validates and repairs each feature, and measures it: plane area in the TM-3 zone
 * of its province (or the zone given), ellipsoidal area, perimeter, with the repairs
 * made or the reasons it is refused.
 */
export function processFeatures(
  raw: RawFeature[],
  opts: { tm3?: number; onProgress?: (done: number, total: number) => void; nativeWinding?: boolean } = {},
): ImportedFeature[] {
  const out: ImportedFeature[] = [];
  const step = Math.max(1, Math.floor(raw.length / 20));
  raw.forEach((f, index) => {
    const r = repairGeometry(f.geometry);
    // Shapefiles wind outer rings clockwise by definition: rewinding them is not a repair to report.
    if (opts.nativeWinding) r.repairs = r.repairs.filter((x) => x.code !== 'REWOUND');
    const name = NAME_KEYS.map((k) => f.properties[k]).find((v) => typeof v === 'string' && v.trim()) as string | undefined;
    const base = { index, name: name?.trim() ?? null, properties: f.properties, repairs: r.repairs.map(note), issues: r.issues.map(note) };
    if (!r.geometry) {
      out.push({ ...base, status: 'refused', geometry: null, tm3_srid: null, province: null, plane_area_ha: null, ellipsoidal_area_ha: null, perimeter_m: null });
    } else {
      const z = detectZone(firstVertex(r.geometry));
      const tm3 = opts.tm3 ?? z?.zone.epsg ?? null;
      out.push({
        ...base,
        status: r.repairs.length ? 'repaired' : 'ok',
        geometry: r.geometry,
        tm3_srid: tm3,
        province: z?.province ?? null,
        plane_area_ha: tm3 && crsByEpsg(tm3) ? planeAreaHa(r.geometry, tm3) : null,
        ellipsoidal_area_ha: ellipsoidalAreaHa(r.geometry),
        perimeter_m: tm3 && crsByEpsg(tm3) ? planePerimeterM(r.geometry, tm3) : null,
      });
    }
    if (index % step === 0 || index === raw.length - 1) opts.onProgress?.(index + 1, raw.length);
  });
  return out;
}
