import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { create } from 'zustand';
import provincesUrl from '../../../data/boundaries/vn_provinces_lowres_census2009.geojson?url';
import { useApp } from '../../app/store';
import { createZoneDetector, type ProvinceZone } from '../../core/crs/zones';
import { LANG_SON_TM3 } from '../../core/crs/vn2000';
import type { DrawnRing } from '../../map/draw';
import { composeBoard, measure, type Measures } from './session';

export type DrawMode = 'idle' | 'part' | 'hole' | 'edit';
export type Origin = 'draw' | 'table' | 'import';

export interface DrawingState {
  mode: DrawMode;
  rings: DrawnRing[];
  /** The ring being drawn (placed vertices), if any. */
  drawing: Position[] | null;
  geometry: Polygon | MultiPolygon | undefined;
  measures: Measures | undefined;
  /** TM-3 zone (EPSG) for plane areas: detected from the province, or chosen. */
  tm3: number;
  province: string | undefined;
  origin: Origin;
  name: string;
  sourceFile: string | null;
  /** The last refused change: where the boundary would have crossed itself. */
  refusal: { point: [number, number]; at: number } | undefined;
  orphanHoles: number;
  setMode: (m: DrawMode) => void;
  setBoard: (rings: DrawnRing[], drawing: Position[] | null) => void;
  refuse: (point: [number, number]) => void;
  setOrigin: (o: Origin, name?: string, sourceFile?: string | null) => void;
  setName: (n: string) => void;
  setTm3: (epsg: number) => void;
}

let detector: ((p: readonly number[]) => ProvinceZone | undefined) | undefined;
let detectorLoading: Promise<void> | undefined;
/** Loads the bundled province boundaries once, for TM-3 zone detection. */
export function loadZoneDetector(): Promise<void> {
  detectorLoading ??= fetch(provincesUrl)
    .then((r) => r.json() as Promise<FeatureCollection>)
    .then((fc) => {
      detector = createZoneDetector(fc);
    })
    .catch(() => undefined);
  return detectorLoading;
}

const firstVertex = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? g.coordinates[0]![0]! : g.coordinates[0]![0]![0]!);

export const useDrawing = create<DrawingState>((set, get) => ({
  mode: 'idle',
  rings: [],
  drawing: null,
  geometry: undefined,
  measures: undefined,
  tm3: LANG_SON_TM3,
  province: undefined,
  origin: 'draw',
  name: '',
  sourceFile: null,
  refusal: undefined,
  orphanHoles: 0,
  setMode: (mode) => set({ mode }),
  setBoard: (rings, drawing) => {
    const live = drawing && drawing.length >= 3 ? [...rings, { id: 'drawing', role: get().mode === 'hole' ? ('hole' as const) : ('part' as const), ring: drawing }] : rings;
    const { geometry, orphanHoles } = composeBoard(live);
    let { tm3, province } = get();
    if (geometry && !get().geometry) {
      const z = detector?.(firstVertex(geometry));
      if (z) ({ tm3, province } = { tm3: z.zone.epsg, province: z.province });
    }
    set({ rings, drawing, geometry, orphanHoles, tm3, province, measures: geometry ? measure(geometry, tm3) : undefined });
    const finished = composeBoard(rings).geometry;
    const s = get();
    useApp.getState().setDraft(finished ? { geometry: finished, origin: s.origin, ...(s.name ? { name: s.name } : {}) } : undefined);
  },
  refuse: (point) => set({ refusal: { point, at: Date.now() } }),
  setOrigin: (origin, name, sourceFile = null) => set({ origin, ...(name !== undefined ? { name } : {}), sourceFile }),
  setName: (name) => set({ name }),
  setTm3: (tm3) => {
    const g = get().geometry;
    set({ tm3, measures: g ? measure(g, tm3) : undefined });
  },
}));
