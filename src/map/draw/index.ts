import { getMapController } from '../instance';
import { createTerraDrawEngine } from './terra';
import type { DrawEngine, DrawEngineOptions } from './types';

export type { DrawEngine, DrawEngineOptions, DrawnRing, RingVerdict } from './types';
export { DRAW_COLORS } from './terra';

let engine: DrawEngine | undefined;

declare global {
  interface Window {
    /** The drawing engine, for browser tests. */
    __ccnDraw?: DrawEngine;
  }
}

/** The drawing engine on the live map (created once, when the map has loaded); undefined before that. */
export async function getDrawEngine(opts: DrawEngineOptions): Promise<DrawEngine | undefined> {
  if (engine) return engine;
  const c = getMapController();
  if (!c) return undefined;
  const map = c.map;
  if (!map.loaded()) await new Promise<void>((r) => map.once('load', () => r()));
  if (engine) return engine;
  engine = createTerraDrawEngine(map, opts);
  window.__ccnDraw = engine;
  return engine;
}
