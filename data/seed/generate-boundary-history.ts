/**
 * Generates earlier, superseded boundary versions of seeded clusters
 * (data/seed/boundary-history.geojson), so the map can show a boundary's history and the
 * area added/removed between versions. ILLUSTRATIVE: Đình Lập's "initial proposal" is the
 * seeded boundary scaled to 64,50 ha (TM-3 plane) and moved 150 m west, 80 m north.
 * Deterministic: `npx tsx data/seed/generate-boundary-history.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { booleanWithin } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000, toVn2000 } from '../../src/core/crs/transform';
import { LANG_SON_TM3 } from '../../src/core/crs/vn2000';
import { planeAreaHa } from '../../src/core/geometry/area';

interface History {
  key: string;
  areaHa: number;
  shift: [number, number];
  valid_to: string;
  note: string;
}

const HISTORY: History[] = [
  { key: 'dinh-lap', areaHa: 64.5, shift: [-150, 80], valid_to: '2022-03-23', note: 'Ranh giới đề xuất ban đầu (minh họa), trước Quyết định 502/QĐ-UBND' },
];

const here = new URL('.', import.meta.url);
const boundaries = JSON.parse(readFileSync(new URL('cluster-boundaries.geojson', here), 'utf8')) as FeatureCollection<Polygon, { key: string }>;
const communes = JSON.parse(readFileSync(new URL('../boundaries/communes_langson_2009.geojson', here), 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { gso_code_2025: string | null }
>;
const clusters = JSON.parse(readFileSync(new URL('clusters.json', here), 'utf8')) as { clusters: { key: string; communes: string[] }[] };

const features = HISTORY.map((h): Feature<Polygon> => {
  const b = boundaries.features.find((f) => f.properties.key === h.key)!;
  const ring = b.geometry.coordinates[0]!.map((p) => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!]));
  const pts = ring.slice(0, -1);
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const k = Math.sqrt(h.areaHa / planeAreaHa(b.geometry, LANG_SON_TM3));
  const moved: Position[] = pts.map(([x, y]) => {
    const [lon, lat] = fromVn2000(LANG_SON_TM3, [cx + (x - cx) * k + h.shift[0], cy + (y - cy) * k + h.shift[1]]);
    return [Math.round(lon * 1e9) / 1e9, Math.round(lat * 1e9) / 1e9];
  });
  moved.push(moved[0]!);
  const geometry: Polygon = { type: 'Polygon', coordinates: [moved] };
  const commune = communes.features.find((c) => c.properties.gso_code_2025 === clusters.clusters.find((c2) => c2.key === h.key)!.communes[0]);
  if (!commune || !booleanWithin(geometry, commune)) throw new Error(`${h.key}: the earlier version leaves its commune`);
  return {
    type: 'Feature',
    properties: { key: h.key, valid_to: h.valid_to, note: h.note, plane_area_ha: Number(planeAreaHa(geometry, LANG_SON_TM3).toFixed(4)), illustrative: true },
    geometry,
  };
});

writeFileSync(new URL('boundary-history.geojson', here), JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n');
for (const f of features) console.log(f.properties?.key, f.properties?.plane_area_ha);
