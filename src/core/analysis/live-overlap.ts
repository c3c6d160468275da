import { feature, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000 } from '../crs/transform';
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
  for (const e of index.search(PlanIndex.bbox(boundary))) {
    const f = e.feature;
    const hit = intersect(featureCollection([subjectFeature, feature(toGeom(index.plane(e)))]));
    if (!hit) continue;
    const polys = fromGeom(hit.geometry);
    const ha = planePolygonsHa(polys);
    if (ha < MIN_OVERLAP_HA) continue;
    overlaps.push({
      id: f.id,
      layerId: f.layerId,
      landCode: f.landCode,
      originalCode: f.originalCode ?? null,
      name: f.name,
      severity: severityOf(f.layerId, f.landCode, f.own),
      overlapHa: ha,
      ...(opts.withGeometry ? { geometry: unproject(polys, epsg) } : {}),
    });
    let list = pieces.get(f.layerId);
    if (!list) pieces.set(f.layerId, (list = []));
    list.push(hit);
  }
  const covered = new Map<string, number>();
  for (const [layerId, list] of pieces) {
    if (list.length === 1) covered.set(layerId, planePolygonsHa(fromGeom(list[0]!.geometry)));
    else {
      const u = union(featureCollection(list));
      covered.set(layerId, u ? planePolygonsHa(fromGeom(u.geometry)) : 0);
    }
  }
  return buildOverlapTable(clusterHa, overlaps, covered, opts.layerOrder);
}
