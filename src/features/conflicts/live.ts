import type { MultiPolygon, Polygon } from 'geojson';
import { computeLiveOverlap } from '../../core/analysis/live-overlap';
import { PlanIndex } from '../../core/analysis/plan-index';
import type { OverlapTable } from '../../core/analysis/table';
import { LANG_SON_TM3 } from '../../core/crs/vn2000';
import { analysisApi } from './api';

type Box = [number, number, number, number];

/** Margin around the boundary for the features loaded (≈ 2 km): vertices can move without a reload. */
const MARGIN_DEG = 0.02;

const inside = (a: Box, b: Box) => a[0] >= b[0] && a[1] >= b[1] && a[2] <= b[2] && a[3] <= b[3];

/**
 * The browser's live overlap estimate: loads the plan features around the boundary once
 * (spatial index, projected to TM-3 on first use) and recomputes the overlap table on
 * every change of the boundary — without a server round trip.
 */
export class LiveOverlapEngine {
  private index = new PlanIndex(LANG_SON_TM3);
  private box: Box | undefined;
  private loading: Promise<void> | undefined;
  private loadingBox: Box | undefined;

  constructor(private readonly layerOrder: () => readonly string[] = () => []) {}

  get featureCount(): number {
    return this.index.size;
  }

  /** Whether the features around this boundary are loaded. */
  covers(g: Polygon | MultiPolygon): boolean {
    return !!this.box && inside(PlanIndex.bbox(g), this.box);
  }

  /** Loads the features around the boundary unless they are already there. */
  async ensure(g: Polygon | MultiPolygon): Promise<void> {
    const b = PlanIndex.bbox(g);
    if (this.box && inside(b, this.box)) return;
    if (this.loading && this.loadingBox && inside(b, this.loadingBox)) return this.loading;
    const want: Box = [b[0] - MARGIN_DEG, b[1] - MARGIN_DEG, b[2] + MARGIN_DEG, b[3] + MARGIN_DEG];
    this.loadingBox = want;
    this.loading = analysisApi.features(want).then((features) => {
      const index = new PlanIndex(LANG_SON_TM3);
      index.load(features);
      this.index = index;
      this.box = want;
    });
    try {
      await this.loading;
    } finally {
      this.loading = undefined;
    }
  }

  /**
   * The overlap table of the boundary now (`withGeometry`: also the overlap shapes for the
   * map — a general clipper per feature, for when the boundary rests). `exclude` leaves out the subject's own cluster
   * (its boundary in the 'clusters' layer) and marks its planned SKN site as its own.
   */
  compute(g: Polygon | MultiPolygon, exclude?: { clusterId?: number; name?: string }, withGeometry = false): OverlapTable {
    return computeLiveOverlap(g, this.index, {
      withGeometry,
      layerOrder: [...this.layerOrder(), 'clusters'],
      exclude: exclude ? { layerId: 'clusters', id: exclude.clusterId, ownName: exclude.name } : undefined,
    });
  }
}
