/**
 * Generates the SYNTHETIC provincial plan zones of the demo (data/seed/plan/plan-zones.geojson)
 * around the seven seeded clusters. Nothing here is an official plan.
 *
 * - land_use: a partition (Voronoi cells of a jittered grid, in the VN-2000 TM-3 plane) of a
 *   square of about 3 km around each cluster; zones never overlap (neighbours share exact
 *   vertices). Codes follow a simple terrain story: rice and aquaculture along the stream,
 *   residential and crops along the road, forest and perennials on the hills. Each cluster is
 *   then made to cross rice land (LUC/LUK), production forest (RSX) and rural residential land
 *   (ONT, cut by the boundary); Đình Lập and Bình Chương also cross protection forest (RPH).
 * - forest: the forest cells of the land-use plan (RSX/RPH/RDD), as the forest plan would show.
 * - corridors: a road (DGT), a stream (SON) and, near Hòa Sơn 1, a power line (DNL) as strips.
 * - industrial: each cluster's planned site (SKN, the seeded boundary) and a synthetic
 *   industrial park (SKK) touching Đồng Mỏ.
 * - relics: a relic (DDD) 150 m outside Văn Lãng 2, one near Đình Lập, a belief site (TIN)
 *   inside Minh Sơn.
 *
 * Deterministic: `npx tsx data/seed/plan/generate-plan-zones.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { bboxClip, buffer, featureCollection, intersect, lineString, point, polygon, voronoi } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000, toVn2000 } from '../../../src/core/crs/transform';
import { LANG_SON_TM3 } from '../../../src/core/crs/vn2000';
import { ringPlaneArea } from '../../../src/core/geometry/area';
import { landCode } from '../../../src/core/land/codes';

type XY = [number, number];
type Ring = XY[];

interface SeedCluster {
  key: string;
  name: string;
}

/** What the synthetic plan around one cluster shows. */
interface AreaStory {
  /** Short label used in zone references. */
  ref: string;
  /** A protection-forest (RPH) zone crosses the cluster. */
  rph?: boolean;
  /** Perpendicular distance of the road / stream from the cluster centre, in cluster radii. */
  road: number;
  stream: number;
  /** Special-use forest (RDD) on the far north of the area. */
  rdd?: boolean;
  /** The map of this area uses 2014 codes (LUN, BHK): kept as original_code. */
  legacyCodes?: boolean;
  powerLine?: boolean;
  relic?: 'outside-150m' | 'near';
  beliefSiteInside?: boolean;
  industrialPark?: boolean;
}

const STORIES: Record<string, AreaStory> = {
  'dinh-lap': { ref: 'ĐL', rph: true, road: 1.25, stream: 1.8, relic: 'near' },
  'hoa-son-1': { ref: 'HS1', road: 0.3, stream: 1.6, rdd: true, powerLine: true },
  'ho-son-1': { ref: 'HOS1', road: 1.3, stream: 0.2 },
  'minh-son': { ref: 'MS', road: 1.4, stream: 1.7, beliefSiteInside: true },
  'dong-mo': { ref: 'ĐM', road: 0.5, stream: 2.0, industrialPark: true },
  'van-lang-2': { ref: 'VL2', road: 1.2, stream: 1.8, legacyCodes: true, relic: 'outside-150m' },
  'binh-chuong': { ref: 'BC', rph: true, road: 2.0, stream: 0.1 },
};

const here = new URL('.', import.meta.url);
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(new URL(rel, here), 'utf8')) as T;
const { clusters } = readJson<{ clusters: SeedCluster[] }>('../clusters.json');
const boundaries = readJson<FeatureCollection<Polygon, { key: string }>>('../cluster-boundaries.geojson');
const province = readJson<FeatureCollection<Polygon | MultiPolygon>>('../../boundaries/province_langson_2009.geojson');

/** Small deterministic PRNG (mulberry32) seeded from a string. */
function prng(key: string): () => number {
  let h = 1779033703;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const toPlane = (p: Position): XY => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!]) as XY;
/** Plane → lon/lat rounded to 1e-8° (≈ 1 mm): shared vertices stay identical. */
const toLonLat = (p: XY): XY => {
  const [x, y] = fromVn2000(LANG_SON_TM3, p);
  return [Math.round(x * 1e8) / 1e8, Math.round(y * 1e8) / 1e8];
};

/** Area in ha of plane polygons (outer ring minus holes). */
function planeHa(g: Polygon | MultiPolygon | null | undefined): number {
  if (!g) return 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const rings of polys) rings.forEach((r, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringPlaneArea(r))));
  return a / 10_000;
}

function insideRing(p: XY, ring: readonly Position[]): boolean {
  let inPoly = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    if (a[1]! > p[1] !== b[1]! > p[1] && p[0] < ((b[0]! - a[0]!) * (p[1] - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inPoly = !inPoly;
  }
  return inPoly;
}

function distToPolyline(p: XY, line: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!, b = line[i + 1]!;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy || 1;
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return best;
}

const provinceRings: Position[][] = province.features
  .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
  .map((rings) => rings[0]!.map((p) => toPlane(p)));
const inProvince = (p: XY) => provinceRings.some((r) => insideRing(p, r));

interface ClusterShape {
  key: string;
  name: string;
  story: AreaStory;
  ring: Ring; // plane
  centre: XY;
  radius: number; // max distance centre → vertex, m
  meanRadius: number;
}

const shapes: ClusterShape[] = clusters.map((c) => {
  const b = boundaries.features.find((f) => f.properties.key === c.key);
  if (!b) throw new Error(`no boundary for ${c.key}`);
  const story = STORIES[c.key];
  if (!story) throw new Error(`no plan story for ${c.key}`);
  const ring = b.geometry.coordinates[0]!.map(toPlane);
  const pts = ring.slice(0, -1);
  const centre: XY = [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  const dists = pts.map((p) => Math.hypot(p[0] - centre[0], p[1] - centre[1]));
  return {
    key: c.key, name: c.name, story, ring, centre,
    radius: Math.max(...dists), meanRadius: dists.reduce((s, d) => s + d, 0) / dists.length,
  };
});

// ---- areas: a square around each cluster, inside the province; overlapping squares merge ----
type Box = [number, number, number, number];
const squareInProvince = (b: Box): boolean => {
  for (let i = 0; i <= 10; i++) {
    const t = i / 10;
    const xs = b[0] + (b[2] - b[0]) * t, ys = b[1] + (b[3] - b[1]) * t;
    for (const p of [[xs, b[1]], [xs, b[3]], [b[0], ys], [b[2], ys]] as XY[]) if (!inProvince(p)) return false;
  }
  return true;
};

interface Area {
  key: string;
  box: Box;
  members: ClusterShape[];
}
let areas: Area[] = shapes.map((s) => {
  let half = 1600;
  let box: Box = [s.centre[0] - half, s.centre[1] - half, s.centre[0] + half, s.centre[1] + half];
  while (!squareInProvince(box)) {
    half -= 100;
    if (half < s.radius + 300) throw new Error(`${s.key}: no room for a plan area inside the province`);
    box = [s.centre[0] - half, s.centre[1] - half, s.centre[0] + half, s.centre[1] + half];
  }
  return { key: s.key, box, members: [s] };
});
for (let merged = true; merged; ) {
  merged = false;
  outer: for (let i = 0; i < areas.length; i++) {
    for (let j = i + 1; j < areas.length; j++) {
      const a = areas[i]!.box, b = areas[j]!.box;
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) {
        const m: Area = {
          key: `${areas[i]!.key}+${areas[j]!.key}`,
          box: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
          members: [...areas[i]!.members, ...areas[j]!.members],
        };
        areas = [...areas.filter((_, k) => k !== i && k !== j), m];
        merged = true;
        break outer;
      }
    }
  }
}

// ---- output ----
interface ZoneProps {
  layer_id: string;
  land_code: string;
  original_code: string | null;
  name: string;
  properties: Record<string, unknown>;
}
const out: Feature<Polygon, ZoneProps>[] = [];
const planeRingToLonLat = (r: readonly XY[]): XY[] => {
  const ll = r.map(toLonLat);
  const first = ll[0]!, last = ll[ll.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) ll.push(first);
  return ll;
};
function emit(layer: string, code: string, name: string, ringLL: XY[], props: Record<string, unknown>, original: string | null = null): void {
  out.push({
    type: 'Feature',
    properties: { layer_id: layer, land_code: code, original_code: original, name, properties: { synthetic: true, ...props } },
    geometry: { type: 'Polygon', coordinates: [ringLL] },
  });
}

/** A meandering polyline across the box, at `offset` metres from `centre`, perpendicular to `angle`. */
function corridorLine(box: Box, centre: XY, angle: number, offset: number, rnd: () => number): XY[] {
  const dir: XY = [Math.cos(angle), Math.sin(angle)];
  const nrm: XY = [-dir[1], dir[0]];
  const pts: XY[] = [];
  const phase = rnd() * Math.PI * 2;
  for (let t = -4000; t <= 4000; t += 150) {
    const wiggle = Math.sin(t / 700 + phase) * 60;
    pts.push([centre[0] + dir[0] * t + nrm[0] * (offset + wiggle), centre[1] + dir[1] * t + nrm[1] * (offset + wiggle)]);
  }
  const clipped = bboxClip(lineString(pts), box).geometry;
  const coords = clipped.type === 'LineString' ? clipped.coordinates : clipped.coordinates.flat();
  return coords as XY[];
}

/** A strip of `width` metres along a plane polyline (buffered on the ellipsoid by Turf). */
function strip(line: XY[], width: number): XY[] {
  const ll = line.map(toLonLat);
  const poly = buffer(lineString(ll), width / 2, { units: 'meters', steps: 4 });
  if (!poly || poly.geometry.type !== 'Polygon') throw new Error('corridor buffer is not one polygon');
  return poly.geometry.coordinates[0]!.map((p) => [Math.round(p[0]! * 1e8) / 1e8, Math.round(p[1]! * 1e8) / 1e8] as XY);
}

function circle(centre: XY, r: number, n = 20): XY[] {
  const ring: XY[] = [];
  for (let k = 0; k < n; k++) ring.push([centre[0] + Math.cos((2 * Math.PI * k) / n) * r, centre[1] + Math.sin((2 * Math.PI * k) / n) * r]);
  return planeRingToLonLat(ring);
}

function pick<T extends string>(rnd: () => number, weights: [T, number][]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of weights) if ((x -= w) < 0) return v;
  return weights[weights.length - 1]![0];
}

const LEGACY: Record<string, string> = { LUK: 'LUN', HNK: 'BHK' };
const report: string[] = [];

for (const area of areas) {
  const rnd = prng(area.key);
  const [minX, minY, maxX, maxY] = area.box;
  // Corridors first: the land-use story follows them.
  const roads: XY[][] = [];
  const streams: XY[][] = [];
  for (const m of area.members) {
    const angle = rnd() * Math.PI;
    const side = rnd() < 0.5 ? -1 : 1;
    const road = corridorLine(area.box, m.centre, angle, side * m.story.road * m.meanRadius, rnd);
    const stream = corridorLine(area.box, m.centre, angle + Math.PI / 2 + (rnd() - 0.5) * 0.6, -side * m.story.stream * m.meanRadius, rnd);
    roads.push(road);
    streams.push(stream);
    emit('corridors', 'DGT', 'Đường tỉnh (minh họa)', strip(road, 30), { area: m.key, corridor: 'road', width_m: 30 });
    emit('corridors', 'SON', 'Suối (minh họa)', strip(stream, 20), { area: m.key, corridor: 'stream', width_m: 20 });
    if (m.story.powerLine) {
      const line = corridorLine(area.box, m.centre, angle + Math.PI / 3, m.meanRadius * 0.6, rnd);
      emit('corridors', 'DNL', 'Hành lang tuyến điện 110 kV (minh họa)', strip(line, 24), { area: m.key, corridor: 'power_line', width_m: 24 });
    }
  }

  // Voronoi partition of the area's square.
  const spacing = 420;
  const seeds: Feature<{ type: 'Point'; coordinates: XY }>[] = [];
  for (let x = minX + spacing / 2; x < maxX; x += spacing) {
    for (let y = minY + spacing / 2; y < maxY; y += spacing) {
      seeds.push(point([x + (rnd() - 0.5) * spacing * 0.7, y + (rnd() - 0.5) * spacing * 0.7]) as Feature<{ type: 'Point'; coordinates: XY }>);
    }
  }
  const cells = voronoi(featureCollection(seeds), { bbox: area.box }).features
    .filter((f) => f && f.geometry)
    .map((f, i) => {
      const ring = f.geometry.coordinates[0] as XY[];
      const pts = ring.slice(0, -1);
      const c: XY = [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
      return { i, ring, centre: c, ha: planeHa(f.geometry), code: 'CLN', locked: false, overlaps: new Map<string, number>() };
    });

  // Background codes from the terrain story.
  for (const cell of cells) {
    const dRoad = Math.min(...roads.map((r) => distToPolyline(cell.centre, r)));
    const dStream = Math.min(...streams.map((s) => distToPolyline(cell.centre, s)));
    const nearest = area.members.reduce((a, b) =>
      Math.hypot(a.centre[0] - cell.centre[0], a.centre[1] - cell.centre[1]) <= Math.hypot(b.centre[0] - cell.centre[0], b.centre[1] - cell.centre[1]) ? a : b);
    const far = Math.hypot(nearest.centre[0] - cell.centre[0], nearest.centre[1] - cell.centre[1]);
    if (dStream < 330) cell.code = pick(rnd, [['LUC', 5], ['LUK', 3], ['NTS', 1], ['HNK', 1]]);
    else if (dRoad < 260) cell.code = pick(rnd, [['ONT', 6], ['HNK', 2], ['CLN', 2], ['TMD', 0.5], ['SKC', 0.5]]);
    else cell.code = pick(rnd, [['RSX', 9], ['CLN', 4], ['HNK', 2], ['DCS', 2], ['NTD', 0.6], ['NCS', 0.6]]);
    if (nearest.story.rdd && far > 1150 && cell.centre[1] > nearest.centre[1] + 500) cell.code = 'RDD';
    if (nearest.story.rph && far > 1000 && dRoad > 500 && cell.code === 'RSX' && rnd() < 0.5) cell.code = 'RPH';
  }

  // Overlap of each cell with each cluster (plane ha).
  for (const m of area.members) {
    const cl = polygon([m.ring]);
    for (const cell of cells) {
      const ov = planeHa(intersect(featureCollection([polygon([cell.ring]), cl]))?.geometry);
      if (ov > 0) cell.overlaps.set(m.key, ov);
    }
  }

  // Each cluster must cross rice land, production forest and residential land (and RPH if told).
  for (const m of area.members) {
    const touching = cells.filter((c) => (c.overlaps.get(m.key) ?? 0) >= 0.5).sort((a, b) => b.overlaps.get(m.key)! - a.overlaps.get(m.key)!);
    const crosses = (c: (typeof cells)[number]) => c.overlaps.get(m.key)! < c.ha - 0.05;
    const require = (ok: (c: (typeof cells)[number]) => boolean, codes: string[], choose: (free: typeof touching) => (typeof cells)[number] | undefined) => {
      const have = touching.find((c) => !c.locked && codes.includes(c.code) && ok(c));
      const cell = have ?? choose(touching.filter((c) => !c.locked && ok(c)));
      if (!cell) throw new Error(`${m.key}: cannot place ${codes.join('/')}`);
      if (!codes.includes(cell.code)) cell.code = codes[0]!;
      cell.locked = true;
    };
    if (m.story.rph) require((c) => crosses(c) && c.overlaps.get(m.key)! >= 2, ['RPH'], (free) => free[Math.floor(free.length / 2)]);
    require((c) => c.overlaps.get(m.key)! >= 3, ['LUC', 'LUK'], (free) => free[0]);
    require((c) => c.overlaps.get(m.key)! >= 2, ['RSX'], (free) => free[0]);
    require((c) => crosses(c) && c.overlaps.get(m.key)! >= 1, ['ONT'], (free) => free[free.length - 1]);
    // A cluster site is mostly fields and hills: residential land and cemeteries only at its edge.
    for (const c of touching) {
      if (!c.locked && ['ONT', 'NTD'].includes(c.code) && c.overlaps.get(m.key)! > 3) c.code = pick(rnd, [['CLN', 2], ['HNK', 2], ['RSX', 1]]);
    }
    const inside = new Set(touching.map((c) => c.code));
    for (const c of touching) {
      if (inside.size >= 5) break;
      if (!c.locked && !['HNK', 'CLN'].every((x) => inside.has(x))) {
        c.code = inside.has('CLN') ? 'HNK' : 'CLN';
        c.locked = true;
        inside.add(c.code);
      }
    }
  }

  // Land-use zones (and the forest plan's copy of the forest cells).
  const ref = area.members.map((m) => m.story.ref).join('+');
  const legacy = area.members.some((m) => m.story.legacyCodes);
  cells.forEach((cell, n) => {
    const info = landCode(cell.code)!;
    const ring = planeRingToLonLat(cell.ring);
    const props = { area: area.members.map((m) => m.key).join('+'), ref: `${ref}-${String(n + 1).padStart(2, '0')}` };
    emit('land_use', cell.code, info.vi, ring, props, legacy ? LEGACY[cell.code] ?? null : null);
    if (info.group === 'forest') emit('forest', cell.code, info.vi, ring, props);
  });

  for (const m of area.members) {
    const inside = cells.filter((c) => (c.overlaps.get(m.key) ?? 0) > 0.01);
    const byCode = new Map<string, number>();
    for (const c of inside) byCode.set(c.code, (byCode.get(c.code) ?? 0) + c.overlaps.get(m.key)!);
    report.push(`${m.key}: ${[...byCode].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')} ha`);
  }
}

// Industrial layer: each cluster's planned site (SKN) and a synthetic park (SKK) touching Đồng Mỏ.
for (const s of shapes) {
  emit('industrial', 'SKN', s.name, planeRingToLonLat(s.ring), { area: s.key, cluster_key: s.key });
  if (s.story.industrialPark) {
    const x0 = s.centre[0] + s.meanRadius * 0.75;
    const park: Ring = [[x0, s.centre[1] - 500], [x0 + 1000, s.centre[1] - 500], [x0 + 1000, s.centre[1] + 700], [x0, s.centre[1] + 700], [x0, s.centre[1] - 500]];
    emit('industrial', 'SKK', 'Khu công nghiệp (minh họa)', planeRingToLonLat(park), { area: s.key });
    const ov = planeHa(intersect(featureCollection([polygon([park]), polygon([s.ring])]))?.geometry);
    report.push(`${s.key}: industrial park SKK ${planeHa(polygon([park]).geometry).toFixed(2)} ha, overlapping the cluster by ${ov.toFixed(2)} ha`);
  }
  // Relics and belief sites.
  if (s.story.relic) {
    const dir = Math.PI * 0.25;
    const gap = s.story.relic === 'outside-150m' ? 150 : 450;
    const r = 60;
    // Walk out from the centre until the circle is `gap` metres clear of the boundary.
    let d = s.meanRadius;
    const centreAt = (dd: number): XY => [s.centre[0] + Math.cos(dir) * dd, s.centre[1] + Math.sin(dir) * dd];
    while (insideRing(centreAt(d), s.ring) || distToPolyline(centreAt(d), s.ring) < gap + r) d += 5;
    emit('relics', 'DDD', 'Di tích lịch sử – văn hóa (minh họa)', circle(centreAt(d), r), { area: s.key, distance_to_cluster_m: gap });
  }
  if (s.story.beliefSiteInside) {
    emit('relics', 'TIN', 'Đình làng (minh họa)', circle(s.centre, 35), { area: s.key });
  }
}

// Sanity: every vertex inside the province.
for (const f of out) {
  for (const p of f.geometry.coordinates[0]!) if (!inProvince(toPlane(p))) throw new Error(`${f.properties.layer_id} ${f.properties.name}: outside the province`);
}

const fc: FeatureCollection<Polygon, ZoneProps> = { type: 'FeatureCollection', features: out };
writeFileSync(new URL('plan-zones.geojson', here), JSON.stringify(fc) + '\n');
const count = (layer: string) => out.filter((f) => f.properties.layer_id === layer).length;
console.log(`areas: ${areas.map((a) => a.key).join(', ')}`);
console.log(['land_use', 'forest', 'corridors', 'industrial', 'relics'].map((l) => `${l} ${count(l)}`).join(', '));
for (const r of report) console.log(r);
