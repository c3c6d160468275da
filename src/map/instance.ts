import type { MapController } from './MapController';

let current: MapController | undefined;

/** The live map controller (set by MapView), for feature modules that drive the map. */
export function getMapController(): MapController | undefined {
  return current;
}

export function setMapController(c: MapController | undefined): void {
  current = c;
}
