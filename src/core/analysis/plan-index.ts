import type { MultiPolygon, Polygon, Position } from 'geojson';
import RBush from 'rbush';
import { toVn2000 } from '../crs/transform';
import { intersectionArea, toRegion, type Region } from './clip-area';

/** A plan zone (or another cluster) the browser analyses against. */
export interface PlanFeature {
  id: number | string;
  layerId: string;
  landCode: string;
  originalCode?: string | null;
  name: string | null;
  /** The subject's own planned site (its SKN zone): a target, not a conflict. */
  own?: boolean;
  geometry: Polygon | MultiPolygon;
}

/** Polygons → rings → positions, in a plane CRS (metres). */
export type PlanePolygons = Position[][][];

export interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  feature: PlanFeature;
  plane?: PlanePolygons;
  region?: Region;
  /** Position in the index, for the pair cache. */
  n: number;
}

export const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Projects lon/lat polygons into a VN-2000 plane. */
export function projectPolygons(g: Polygon | MultiPolygon, epsg: number): PlanePolygons {
  return polygonsOf(g).map((rings) => rings.map((ring) => ring.map((p) => toVn2000(epsg, [p[0]!, p[1]!]))));
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const rings of polygonsOf(g))
    for (const p of rings[0] ?? []) {
      if (p[0]! < minX) minX = p[0]!;
      if (p[0]! > maxX) maxX = p[0]!;
      if (p[1]! < minY) minY = p[1]!;
      if (p[1]! > maxY) maxY = p[1]!;
    }
  return [minX, minY, maxX, maxY];
}

/**
 * A spatial index (R-tree over lon/lat boxes) of the plan features in view, each
 * projected to the TM-3 plane once, on first use, and kept.
 */
export class PlanIndex {
  private readonly tree = new RBush<Entry>();
  private count = 0;
  /** Whether two features overlap (more than touching), computed once per pair. */
  private readonly pairs = new Map<number, boolean>();

  constructor(readonly epsg: number) {}

  /** Replaces the content with these features. */
  load(features: readonly PlanFeature[]): void {
    this.tree.clear();
    this.pairs.clear();
    this.tree.load(
      features.map((feature, n) => {
        const [minX, minY, maxX, maxY] = bboxOf(feature.geometry);
        return { minX, minY, maxX, maxY, feature, n };
      }),
    );
    this.count = features.length;
  }

  get size(): number {
    return this.count;
  }

  /** Features whose box meets the box [minLon, minLat, maxLon, maxLat]. */
  search(b: readonly [number, number, number, number]): Entry[] {
    return this.tree.search({ minX: b[0], minY: b[1], maxX: b[2], maxY: b[3] });
  }

  /** The feature's polygons in the plane (cached). */
  plane(e: Entry): PlanePolygons {
    e.plane ??= projectPolygons(e.feature.geometry, this.epsg);
    return e.plane;
  }

  /** The feature as a region for exact area computation (cached). */
  region(e: Entry): Region {
    e.region ??= toRegion(this.plane(e));
    return e.region;
  }

  /**
   * Whether two features overlap by more than 1 cm² (neighbours of a partition only touch).
   * Cached: the plan does not change while a boundary is drawn.
   */
  overlaps(e1: Entry, e2: Entry): boolean {
    if (e1.maxX < e2.minX || e2.maxX < e1.minX || e1.maxY < e2.minY || e2.maxY < e1.minY) return false;
    const key = Math.min(e1.n, e2.n) * 4_194_304 + Math.max(e1.n, e2.n);
    let v = this.pairs.get(key);
    if (v === undefined) this.pairs.set(key, (v = intersectionArea(this.region(e1), [this.region(e2)]) > 1e-4));
    return v;
  }

  static bbox = bboxOf;
}
