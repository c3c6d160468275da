import { feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000 } from '../crs/transform';
import type { LandSeverity } from '../land/codes';
import { ringPlaneArea } from '../geometry/area';
import { PlanIndex, projectPolygons, type PlanePolygons } from './plan-index';
import { severityOf } from './severity';
import { buildOverlapTable, MIN_OVERLAP_HA, type FeatureOverlap, type OverlapTable } from './table';

export interface LiveOverlapOptions {
  /** Return each overlap's geometry (EPSG:4326) for the map. */
  withGeometry?: boolean;
  /** Order of layers in the table. */
  layerOrder?: readonly string[];
}

/** Plane area of polygons, ha (outer rings minus holes). */
export function planePolygonsHa(polys: PlanePolygons): number {
  let a = 0;
  for (const rings of polys) rings.forEach((r, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringPlaneArea(r))));
  return a / 10_000;
}

const toGeom = (polys: PlanePolygons): Polygon | MultiPolygon =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };

const fromGeom = (g: Polygon | MultiPolygon): PlanePolygons => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

const unproject = (polys: PlanePolygons, epsg: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polys.map((rings) => rings.map((ring) => ring.map((p) => fromVn2000(epsg, [p[0]!, p[1]!]) as Position))),
});

function push<K>(m: Map<K, Feature<Polygon | MultiPolygon>[]>, k: K, f: Feature<Polygon | MultiPolygon>) {
  const list = m.get(k);
  if (list) list.push(f);
  else m.set(k, [f]);
}

/** Area (ha) of the union of each group of plane pieces. */
function unionAreas<K>(groups: Map<K, Feature<Polygon | MultiPolygon>[]>): Map<K, number> {
  const out = new Map<K, number>();
  for (const [k, list] of groups) {
    const u = list.length === 1 ? list[0]! : union(featureCollection(list));
    out.set(k, u ? planePolygonsHa(fromGeom(u.geometry)) : 0);
  }
  return out;
}

/**
 * The overlap table of a boundary against the indexed plan features, computed in the
 * browser: R-tree candidates, then Turf intersections in the VN-2000 TM-3 plane
 * (proj4, the same definitions PostGIS uses), areas by the shoelace formula. The same
 * shape as the server's answer (`buildOverlapTable`), to within rounding.
 * @example computeLiveOverlap(draft, index).layers[0].codes[0] // → { landCode: 'LUC', overlapHa: 12.3, ... }
 */
export function computeLiveOverlap(boundary: Polygon | MultiPolygon, index: PlanIndex, opts: LiveOverlapOptions = {}): OverlapTable {
  const epsg = index.epsg;
  const subject = projectPolygons(boundary, epsg);
  const clusterHa = planePolygonsHa(subject);
  const subjectFeature = feature(toGeom(subject));
  const overlaps: FeatureOverlap[] = [];
  const pieces = new Map<string, Feature<Polygon | MultiPolygon>[]>();
  const bySeverity = new Map<LandSeverity, Feature<Polygon | MultiPolygon>[]>();
  for (const e of index.search(PlanIndex.bbox(boundary))) {
    const f = e.feature;
    const hit = intersect(featureCollection([subjectFeature, feature(toGeom(index.plane(e)))]));
    if (!hit) continue;
    const polys = fromGeom(hit.geometry);
    const ha = planePolygonsHa(polys);
    if (ha < MIN_OVERLAP_HA) continue;
    const severity = severityOf(f.layerId, f.landCode, f.own);
    overlaps.push({
      id: f.id,
      layerId: f.layerId,
      landCode: f.landCode,
      originalCode: f.originalCode ?? null,
      name: f.name,
      severity,
      overlapHa: ha,
      ...(opts.withGeometry ? { geometry: unproject(polys, epsg) } : {}),
    });
    push(pieces, f.layerId, hit);
    push(bySeverity, severity, hit);
  }
  return buildOverlapTable(clusterHa, overlaps, unionAreas(pieces), opts.layerOrder, unionAreas(bySeverity));
}
