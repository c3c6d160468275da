import { feature, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000 } from '../crs/transform';
import { ringPlaneArea } from '../geometry/area';
import type { LandSeverity } from '../land/codes';
import { intersectionArea, toRegion, type Region } from './clip-area';
import { PlanIndex, projectPolygons, type Entry, type PlanePolygons } from './plan-index';
import { severityOf } from './severity';
import { buildOverlapTable, MIN_OVERLAP_HA, type FeatureOverlap, type OverlapTable } from './table';

export interface LiveOverlapOptions {
  /** Also return each overlap's geometry (EPSG:4326) for the map: slower (a full clip per feature). */
  withGeometry?: boolean;
  /** Order of layers in the table. */
  layerOrder?: readonly string[];
  /**
   * The subject's own cluster: its boundary (feature `id` of layer `layerId`) is left out and
   * its planned SKN site (a zone named `ownName`) is its target — as the server does.
   */
  exclude?: { layerId: string; id?: number | string; ownName?: string };
}

/** Plane area of polygons, ha (outer rings minus holes). */
export function planePolygonsHa(polys: PlanePolygons): number {
  let a = 0;
  for (const rings of polys) rings.forEach((r, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringPlaneArea(r))));
  return a / 10_000;
}

const toGeom = (polys: PlanePolygons): Polygon | MultiPolygon =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };

const unproject = (g: Polygon | MultiPolygon, epsg: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((rings) =>
    rings.map((ring) => ring.map((p) => fromVn2000(epsg, [p[0]!, p[1]!]) as Position)),
  ),
});

interface Hit {
  entry: Entry;
  ha: number;
}

function push<K>(m: Map<K, Hit[]>, k: K, h: Hit) {
  const list = m.get(k);
  if (list) list.push(h);
  else m.set(k, [h]);
}

/**
 * Area (ha) of A ∩ (union of a group's zones). Zones that overlap no other zone of the group
 * add their own overlap; only those that do (two layers showing the same forest, a park over
 * a cluster site) go through the union — a partition never does.
 */
function groupHa(a: Region, hits: Hit[], index: PlanIndex): number {
  if (hits.length === 1) return hits[0]!.ha;
  const tangled = new Set<Hit>();
  for (let i = 0; i < hits.length; i++)
    for (let j = i + 1; j < hits.length; j++)
      if (index.overlaps(hits[i]!.entry, hits[j]!.entry)) tangled.add(hits[i]!).add(hits[j]!);
  let ha = 0;
  for (const h of hits) if (!tangled.has(h)) ha += h.ha;
  if (tangled.size) ha += intersectionArea(a, [...tangled].map((h) => index.region(h.entry))) / 10_000;
  return ha;
}

/** The overlap's geometry by a general clipper (Turf), in lon/lat; null if the clipper fails. */
function overlapGeometry(subject: PlanePolygons, zone: PlanePolygons, epsg: number): MultiPolygon | null {
  try {
    const hit = intersect(featureCollection([feature(toGeom(subject)), feature(toGeom(zone))]));
    return hit ? unproject(hit.geometry, epsg) : null;
  } catch {
    return null;
  }
}

/**
 * The overlap table of a boundary against the indexed plan features, computed in the
 * browser: R-tree candidates, exact intersection areas in the VN-2000 TM-3 plane (proj4,
 * the same definitions PostGIS uses; see clip-area.ts), each layer's and each severity's
 * covered area as the area of the union. The same shape as the server's answer
 * (`buildOverlapTable`), to within rounding.
 * @example computeLiveOverlap(draft, index).layers[0].codes[0] // → { landCode: 'LUC', overlapHa: 12.3, ... }
 */
export function computeLiveOverlap(boundary: Polygon | MultiPolygon, index: PlanIndex, opts: LiveOverlapOptions = {}): OverlapTable {
  const epsg = index.epsg;
  const subject = projectPolygons(boundary, epsg);
  const clusterHa = planePolygonsHa(subject);
  const a = toRegion(subject);
  const overlaps: FeatureOverlap[] = [];
  const byLayer = new Map<string, Hit[]>();
  const bySeverity = new Map<LandSeverity, Hit[]>();
  const ex = opts.exclude;
  for (const e of index.search(PlanIndex.bbox(boundary)) as Entry[]) {
    const f = e.feature;
    if (ex && f.layerId === ex.layerId && ex.id !== undefined && f.id === ex.id) continue;
    const zone = index.region(e);
    const ha = intersectionArea(a, [zone]) / 10_000;
    if (ha < MIN_OVERLAP_HA) continue;
    const own = f.own ?? (!!ex?.ownName && f.landCode === 'SKN' && f.name === ex.ownName);
    const severity = severityOf(f.layerId, f.landCode, own);
    overlaps.push({
      id: f.id,
      layerId: f.layerId,
      landCode: f.landCode,
      originalCode: f.originalCode ?? null,
      name: f.name,
      severity,
      overlapHa: ha,
      ...(opts.withGeometry ? { geometry: overlapGeometry(subject, index.plane(e), epsg) } : {}),
    });
    push(byLayer, f.layerId, { entry: e, ha });
    push(bySeverity, severity, { entry: e, ha });
  }
  const union = <K>(groups: Map<K, Hit[]>) => new Map([...groups].map(([k, hits]) => [k, groupHa(a, hits, index)] as const));
  return buildOverlapTable(clusterHa, overlaps, union(byLayer), opts.layerOrder, union(bySeverity));
}
