import type { FeatureCollection, Position } from 'geojson';
import { create } from 'zustand';
import { useApp } from '../../app/store';
import { snapIndex, snapPoint, type SnapIndex } from '../../core/geometry/snap';
import { getMapController } from '../../map/instance';
import { getDrawEngine, type DrawEngine } from '../../map/draw';
import { drawingApi } from './api';
import { checkRing } from './session';
import { useDrawing } from './store';

/** The drawing engine once the map is ready (feature code sees only the DrawEngine interface). */
export const useEngine = create<{ engine: DrawEngine | undefined }>(() => ({ engine: undefined }));

let clusters: FeatureCollection | undefined;
let index: { key: unknown; idx: SnapIndex } | undefined;

/** Snap targets: other clusters and every polygon source on the map (plan zones, parcels…). */
function snap(p: Position, tol: number): Position | undefined {
  const sources = useApp.getState().mapSources;
  if (!index || index.key !== sources) {
    index = { key: sources, idx: snapIndex([clusters, ...Object.entries(sources).filter(([k]) => k !== 'drawing-marks').map(([, v]) => v)]) };
  }
  return snapPoint(p, index.idx, tol);
}

/** Creates the engine (once) with the session's rules: refuse crossings, snap, report every change. */
export async function startEngine(): Promise<DrawEngine | undefined> {
  const existing = useEngine.getState().engine;
  if (existing) return existing;
  if (!clusters) {
    clusters = await drawingApi.clusters().catch(() => undefined);
    index = undefined;
  }
  const engine = await getDrawEngine({
    validate: checkRing,
    onRefused: (point) => useDrawing.getState().refuse(point),
    snap,
    onChange: (rings, drawing) => useDrawing.getState().setBoard(rings, drawing),
  });
  useEngine.setState({ engine });
  return engine;
}

/** Frames a boundary on the map. */
export function fitTo(ring: Position[]): void {
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  getMapController()?.fitBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], 16);
}

/** Replaces the board (marker table, import, a saved proposal): any drawing gesture ends first. */
export function loadRings(rings: { role: 'part' | 'hole'; ring: Position[] }[]): void {
  useDrawing.getState().setMode('idle');
  useEngine.getState().engine?.setRings(rings);
}
