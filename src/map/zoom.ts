import { bbox } from '@turf/bbox';
import type { Feature, Geometry } from 'geojson';
import type { LngLatBounds } from './MapController';
import { getMapController } from './instance';

/** Fits the map to a feature's extent. */
export function zoomToFeature(f: Feature<Geometry | null>, maxZoom = 14): void {
  if (!f.geometry) return;
  getMapController()?.fitBounds(bbox(f as Feature<Geometry>) as LngLatBounds, maxZoom);
}
