import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { foldVietnamese } from '../format/text';
import { TM3_ZONES, type Tm3Zone } from './vn2000';

/**
 * Names that differ between the zone table (pre-2025 province names) and the
 * bundled boundary file (data/boundaries/vn_provinces_lowres_census2009.geojson).
 * Keys and values are folded (no diacritics, lower case).
 */
const PROVINCE_ALIASES: Record<string, string> = {
  hue: 'thua thien hue',
  'tp ho chi minh': 'ho chi minh',
  'thanh pho ho chi minh': 'ho chi minh',
  'ba ria vung tau': 'ba ria - vung tau',
};

/** Folds a province name for matching ("Hoà Bình" and "Hòa Bình" are the same province). */
export function provinceKey(name: string): string {
  const k = foldVietnamese(name.normalize('NFC')).replace(/^(tinh|thanh pho|tp\.?)\s+/, '');
  return PROVINCE_ALIASES[k] ?? k;
}

const zoneByProvince = new Map<string, Tm3Zone>();
for (const z of TM3_ZONES) for (const p of z.provinces) zoneByProvince.set(provinceKey(p), z);

/** The provincial TM-3 zone of a (pre-2025) province, by name. */
export function tm3ZoneForProvince(name: string): Tm3Zone | undefined {
  return zoneByProvince.get(provinceKey(name));
}

/** VN-2000 UTM zone (3405 = 48N, 3406 = 49N) of a longitude. */
export function utmZoneFor(lon: number): 3405 | 3406 {
  return lon < 108 ? 3405 : 3406;
}

/** Ray casting; ring closed or not. */
export function pointInRing(p: readonly number[], ring: readonly Position[]): boolean {
  const [x, y] = p as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a Polygon or MultiPolygon (holes excluded). */
export function pointInPolygon(p: readonly number[], g: Polygon | MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => pointInRing(p, rings[0] ?? []) && !rings.slice(1).some((h) => pointInRing(p, h)));
}

export interface ProvinceZone {
  province: string;
  zone: Tm3Zone;
}

type ProvinceFeature = Feature<Polygon | MultiPolygon, { name: string }>;

/**
 * Builds a detector of the TM-3 zone of a point from province boundaries
 * (the bundled low-resolution file): point → its province and that province's zone.
 */
export function createZoneDetector(provinces: FeatureCollection): (lonLat: readonly number[]) => ProvinceZone | undefined {
  const items = (provinces.features as ProvinceFeature[]).map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polys)
      for (const [x, y] of rings[0] ?? []) {
        minX = Math.min(minX, x!); maxX = Math.max(maxX, x!); minY = Math.min(minY, y!); maxY = Math.max(maxY, y!);
      }
    return { f, bbox: [minX, minY, maxX, maxY] as const, zone: tm3ZoneForProvince(f.properties.name) };
  });
  return (p) => {
    const [x, y] = p as [number, number];
    for (const it of items) {
      const [a, b, c, d] = it.bbox;
      if (x < a || x > c || y < b || y > d || !it.zone) continue;
      if (pointInPolygon(p, it.f.geometry)) return { province: it.f.properties.name, zone: it.zone };
    }
    return undefined;
  };
}
