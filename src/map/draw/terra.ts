import type { Polygon, Position } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import {
  TerraDraw,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  TerraDrawSessionUndoRedo,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { DrawEngine, DrawEngineOptions, DrawnRing } from './types';

export const DRAW_COLORS = { part: '#c2255c', hole: '#1971c2', crossing: '#e03131' } as const;

const SNAP_PIXELS = 12;

/** terra-draw on the MapLibre map: polygon modes for parts and holes, a select mode for vertex editing, undo/redo. */
export function createTerraDrawEngine(map: maplibregl.Map, opts: DrawEngineOptions): DrawEngine {
  const validation = (feature: GeoJSONStoreFeatures, ctx?: { updateType?: string }) => {
    if (feature.geometry.type !== 'Polygon') return { valid: true };
    const inProgress = Boolean(feature.properties.currentlyDrawing) && ctx?.updateType !== 'finish';
    if (inProgress && ctx?.updateType === 'provisional') return { valid: true };
    const ring = (feature.geometry as Polygon).coordinates[0] ?? [];
    const v = opts.validate(ring, inProgress);
    if (!v.valid) {
      opts.onRefused(v.point);
      return { valid: false, reason: 'self-intersection' };
    }
    return { valid: true };
  };
  const toCustom = opts.snap
    ? (event: { lng: number; lat: number }) => {
        const mPerPx = (40_075_016.686 * Math.cos((event.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
        return opts.snap!([event.lng, event.lat], mPerPx * SNAP_PIXELS);
      }
    : undefined;
  const polygonMode = (modeName: 'polygon' | 'hole') =>
    new TerraDrawPolygonMode({
      modeName,
      validation,
      snapping: { toCoordinate: true, ...(toCustom ? { toCustom } : {}) },
      pointerDistance: 12,
      styles: {
        fillColor: DRAW_COLORS[modeName === 'polygon' ? 'part' : 'hole'],
        fillOpacity: modeName === 'polygon' ? 0.25 : 0.1,
        outlineColor: DRAW_COLORS[modeName === 'polygon' ? 'part' : 'hole'],
        outlineWidth: 3,
        closingPointColor: '#ffffff',
        closingPointOutlineColor: DRAW_COLORS.part,
        closingPointWidth: 6,
        closingPointOutlineWidth: 2,
      },
    });
  const editFlags = { feature: { validation, coordinates: { draggable: true, midpoints: true, deletable: true } } };
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
    modes: [
      polygonMode('polygon'),
      polygonMode('hole'),
      new TerraDrawSelectMode({
        flags: { polygon: editFlags, hole: editFlags },
        styles: { selectedPolygonColor: DRAW_COLORS.part, selectedPolygonOutlineColor: DRAW_COLORS.part, selectionPointColor: '#ffffff', selectionPointOutlineColor: DRAW_COLORS.part, midPointColor: DRAW_COLORS.part },
      }),
    ],
    undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), sessionLevel: new TerraDrawSessionUndoRedo() },
  });
  draw.start();

  const rings = (): DrawnRing[] =>
    draw
      .getSnapshot()
      .filter((f) => f.geometry.type === 'Polygon' && !f.properties.currentlyDrawing && (f.properties.mode === 'polygon' || f.properties.mode === 'hole'))
      .map((f) => ({ id: f.id!, role: f.properties.mode === 'hole' ? 'hole' : 'part', ring: (f.geometry as Polygon).coordinates[0]! }));
  const drawing = (): Position[] | null => {
    const f = draw.getSnapshot().find((x) => x.properties.currentlyDrawing && x.geometry.type === 'Polygon');
    if (!f) return null;
    const ring = (f.geometry as Polygon).coordinates[0]!;
    const n = Number(f.properties.committedCoordinateCount ?? ring.length - 1);
    return ring.slice(0, n);
  };
  const emit = () => opts.onChange(rings(), drawing());
  draw.on('change', emit);
  draw.on('finish', emit);

  return {
    draw: (role) => draw.setMode(role === 'part' ? 'polygon' : 'hole'),
    edit: () => draw.setMode('select'),
    idle: () => draw.setMode('select'),
    undo: () => {
      draw.undo();
      emit();
    },
    redo: () => {
      draw.redo();
      emit();
    },
    setRings: (list) => {
      draw.setMode('select');
      draw.clear();
      // terra-draw refuses coordinates finer than its precision (9 decimals ≈ 0.1 mm).
      const round = (v: number) => Math.round(v * 1e9) / 1e9;
      const results = draw.addFeatures(
        list.map((r) => ({
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [r.ring.map((p) => [round(p[0]!), round(p[1]!)])] },
          properties: { mode: r.role === 'part' ? 'polygon' : 'hole' },
        })) as GeoJSONStoreFeatures[],
      );
      for (const r of results) if (!r.valid) console.warn(`drawing: a ring was not accepted (${r.reason})`);
      emit();
    },
    rings,
    clear: () => {
      draw.clear();
      emit();
    },
    destroy: () => draw.stop(),
  };
}
