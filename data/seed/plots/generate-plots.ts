/**
 * Generates the illustrative detailed plan of Cụm công nghiệp Hồ Sơn 1
 * (data/seed/plots/ho-son-1.plots.geojson) and its synthetic tenants
 * (ho-son-1.tenants.json, see tenants.ts). SYNTHETIC: no real plan is public.
 *
 * A street grid is laid in the VN-2000 TM-3 107°15′ plane over the cluster's
 * demo boundary; each block is split into plots, clipped to the boundary
 * (clipping in EPSG:4326, as PostGIS stores it, so plots never leave the
 * boundary); clipped edge fragments become green buffer; the rest of the
 * boundary is the road network. Deterministic:
 *   npx tsx data/seed/plots/generate-plots.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { area as turfArea, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000, toVn2000 } from '../../../src/core/crs/transform';
import { LANG_SON_TM3 } from '../../../src/core/crs/vn2000';
import { planeAreaHa } from '../../../src/core/geometry/area';
import type { PlotLandUse } from '../../../src/core/occupancy/land-use';
import { buildTenants } from './tenants';

export const CLUSTER_KEY = 'ho-son-1';
const here = new URL('.', import.meta.url);

/** Street grid (metres, TM-3 plane). */
const BLOCK_W = 150; // east–west, split into two plots
const BLOCK_H = 170; // north–south
const ROAD = 16; // road reserve between blocks
/** A clipped block part keeps its use when at least this share of the full cell remains. */
const KEEP_SHARE = 0.8;
/** Fragments smaller than this (m²) are left to the road/green remainder. */
const MIN_FRAGMENT_M2 = 150;
const MIN_GREEN_HA = 0.1;

type Poly = Feature<Polygon | MultiPolygon>;

export interface PlotProps {
  code: string;
  land_use: PlotLandUse;
  plan_area_ha: number;
  note: string | null;
}

function boundary(): Feature<Polygon> {
  const fc = JSON.parse(readFileSync(new URL('../cluster-boundaries.geojson', here), 'utf8')) as FeatureCollection<
    Polygon,
    { key: string }
  >;
  const f = fc.features.find((x) => x.properties.key === CLUSTER_KEY);
  if (!f) throw new Error(`no boundary for ${CLUSTER_KEY}`);
  return f;
}

const round9 = (p: Position): Position => [Math.round(p[0]! * 1e9) / 1e9, Math.round(p[1]! * 1e9) / 1e9];

/** A quad of lattice nodes (projected once, so neighbouring quads share exact vertices). */
function quad(nodes: Position[][], i: number, j: number): Feature<Polygon> {
  const ring = [nodes[i]![j]!, nodes[i + 1]![j]!, nodes[i + 1]![j + 1]!, nodes[i]![j + 1]!, nodes[i]![j]!];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const haOf = (g: Polygon | MultiPolygon) => planeAreaHa(g, LANG_SON_TM3);

/** Drops parts smaller than MIN_FRAGMENT_M2 (slivers left by clipping). */
function cleanParts(f: Poly | null): Poly | null {
  if (!f) return null;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const kept = polys.filter((rings) => haOf({ type: 'Polygon', coordinates: rings }) * 10_000 >= MIN_FRAGMENT_M2);
  if (!kept.length) return null;
  return {
    type: 'Feature',
    properties: {},
    geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept },
  };
}

interface Cell {
  row: number;
  col: number;
  geom: Poly;
  share: number;
  centre: Position;
}

export function generatePlots(): FeatureCollection<Polygon | MultiPolygon, PlotProps> {
  const b = boundary();
  const plane = b.geometry.coordinates[0]!.map((p) => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!]));
  const xs = plane.map((p) => p[0]);
  const ys = plane.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const stepX = BLOCK_W + ROAD;
  const stepY = BLOCK_H + ROAD;
  // Centre the grid on the boundary's extent.
  const cols = Math.ceil((maxX - minX) / stepX) + 1;
  const rows = Math.ceil((maxY - minY) / stepY) + 1;
  const ox = (minX + maxX) / 2 - (cols * stepX) / 2;
  const oy = (minY + maxY) / 2 + (rows * stepY) / 2;

  // Lattice lines: each step is a road reserve, then the two plots of a block.
  const xLines: number[] = [];
  const xKind: ('road' | 'plot')[] = [];
  for (let c = 0; c < cols; c++) {
    const x = ox + c * stepX;
    xLines.push(x, x + ROAD, x + ROAD + BLOCK_W / 2);
    xKind.push('road', 'plot', 'plot');
  }
  xLines.push(ox + cols * stepX, ox + cols * stepX + ROAD);
  xKind.push('road');
  const yLines: number[] = [];
  const yKind: ('road' | 'plot')[] = [];
  for (let r = 0; r < rows; r++) {
    const y = oy - r * stepY;
    yLines.push(y, y - ROAD);
    yKind.push('road', 'plot');
  }
  yLines.push(oy - rows * stepY, oy - rows * stepY - ROAD);
  yKind.push('road');
  const nodes = xLines.map((x) => yLines.map((y) => round9(fromVn2000(LANG_SON_TM3, [x, y]))));

  const cells: Cell[] = [];
  const roadQuads: Feature<Polygon>[] = [];
  for (let i = 0; i < xKind.length; i++) {
    for (let j = 0; j < yKind.length; j++) {
      const rect = quad(nodes, i, j);
      if (xKind[i] === 'road' || yKind[j] === 'road') {
        roadQuads.push(rect);
        continue;
      }
      const clipped = cleanParts(intersect(featureCollection([rect, b])) as Poly | null);
      if (!clipped) continue;
      const share = haOf(clipped.geometry) / haOf(rect.geometry);
      cells.push({ row: j, col: i, geom: clipped, share, centre: [(xLines[i]! + xLines[i + 1]!) / 2, (yLines[j]! + yLines[j + 1]!) / 2] });
    }
  }

  const full = cells.filter((c) => c.share >= KEEP_SHARE);
  // Edge fragments of at least MIN_GREEN_HA become the green buffer; smaller ones join the roads.
  const edge = cells.filter((c) => c.share < KEEP_SHARE && haOf(c.geom.geometry) >= MIN_GREEN_HA);
  // Special uses on full cells: wastewater plant at the lowest (southernmost) cell, technical
  // infrastructure beside it, the service centre at the northernmost.
  const bySouth = [...full].sort((a, b) => a.centre[1]! - b.centre[1]! || a.centre[0]! - b.centre[0]!);
  const wastewater = bySouth[0]!;
  const infrastructure = bySouth[1]!;
  const services = bySouth[bySouth.length - 1]!;
  const special = new Map<Cell, [string, PlotLandUse, string]>([
    [wastewater, ['XLNT', 'wastewater', 'Trạm xử lý nước thải tập trung']],
    [infrastructure, ['HTKT', 'infrastructure', 'Trạm biến áp, trạm cấp nước']],
    [services, ['DV', 'services', 'Khu điều hành, dịch vụ']],
  ]);

  const features: Feature<Polygon | MultiPolygon, PlotProps>[] = [];
  const push = (geom: Poly, code: string, landUse: PlotLandUse, note: string | null) =>
    features.push({
      type: 'Feature',
      properties: { code, land_use: landUse, plan_area_ha: Number(haOf(geom.geometry).toFixed(2)), note },
      geometry: geom.geometry,
    });

  const order = (a: Cell, c: Cell) => a.row - c.row || a.col - c.col;
  let n = 0;
  for (const cell of [...full].sort(order)) {
    const s = special.get(cell);
    if (s) push(cell.geom, s[0], s[1], s[2]);
    else push(cell.geom, `CN-${String(++n).padStart(2, '0')}`, 'industrial', null);
  }
  let g = 0;
  for (const cell of [...edge].sort(order)) push(cell.geom, `CX-${String(++g).padStart(2, '0')}`, 'green', 'Cây xanh cách ly');

  // Roads: the street mesh (exact union of lattice quads) clipped once to the boundary.
  const mesh = union(featureCollection(roadQuads)) as Poly;
  const roads = cleanParts(intersect(featureCollection([mesh, b as Poly])) as Poly | null);
  if (roads) push(roads, 'GT', 'roads', 'Đường giao thông nội bộ');
  return featureCollection(features) as FeatureCollection<Polygon | MultiPolygon, PlotProps>;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plots = generatePlots();
  const out = {
    type: 'FeatureCollection',
    _comment:
      'SYNTHETIC detailed plan of Cụm công nghiệp Hồ Sơn 1 (illustrative; not the approved plan). Generated by data/seed/plots/generate-plots.ts.',
    cluster_key: CLUSTER_KEY,
    features: plots.features,
  };
  writeFileSync(new URL('ho-son-1.plots.geojson', here), JSON.stringify(out) + '\n');
  const tenants = buildTenants(plots.features.filter((f) => f.properties.land_use === 'industrial').map((f) => f.properties.code));
  writeFileSync(new URL('ho-son-1.tenants.json', here), JSON.stringify(tenants, null, 1) + '\n');
  const byUse = new Map<string, number>();
  for (const f of plots.features) byUse.set(f.properties.land_use, (byUse.get(f.properties.land_use) ?? 0) + haOf(f.geometry));
  console.log(`${plots.features.length} plots`, Object.fromEntries([...byUse].map(([k, v]) => [k, v.toFixed(2)])));
  console.log('turf geodesic total (ha):', (plots.features.reduce((s, f) => s + turfArea(f), 0) / 10_000).toFixed(2));
}
