import { create } from 'zustand';
import { LAYER_REGISTRY } from '../../../layers';
import type { MapLayerDef } from '../../../layers/types';

export type LayerGroup = NonNullable<MapLayerDef['group']>;

const BASE_IDS = new Set(['neighbours', 'province', 'communes', 'districts', 'labels']);

/** Which panel group a registry layer belongs to (layers that do not say are the product's data). */
export const groupOf = (l: MapLayerDef): LayerGroup => l.group ?? (BASE_IDS.has(l.id) ? 'base' : 'data');

export interface LayerSettings {
  visible: Record<string, boolean>;
  opacity: Record<string, number>;
  /** Registry ids bottom to top; layers only move within their group. */
  order: string[];
}

const STORAGE_KEY = 'ccn-layers';

export function defaultSettings(): LayerSettings {
  return {
    visible: Object.fromEntries(LAYER_REGISTRY.map((l) => [l.id, l.defaultVisible ?? true])),
    opacity: Object.fromEntries(LAYER_REGISTRY.map((l) => [l.id, 1])),
    order: LAYER_REGISTRY.map((l) => l.id),
  };
}

/** Saved settings merged over the defaults (layers added since keep their default place). */
function restore(): LayerSettings {
  const d = defaultSettings();
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<LayerSettings> | null;
    if (!saved) return d;
    const known = new Set(d.order);
    const order = (saved.order ?? []).filter((id) => known.has(id));
    return {
      visible: { ...d.visible, ...saved.visible },
      opacity: { ...d.opacity, ...saved.opacity },
      order: order.length === d.order.length ? order : d.order,
    };
  } catch {
    return d;
  }
}

/**
 * Swaps a layer with its neighbour of the same group, up (drawn later) or down.
 * @example moveWithinGroup(['a','b','c'], 'b', 'up', () => 'plan') // → ['a','c','b']
 */
export function moveWithinGroup(order: readonly string[], id: string, dir: 'up' | 'down', group: (id: string) => string): string[] {
  const i = order.indexOf(id);
  const step = dir === 'up' ? 1 : -1;
  let j = i + step;
  while (j >= 0 && j < order.length && group(order[j]!) !== group(id)) j += step;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

interface LayersState extends LayerSettings {
  setVisible: (id: string, v: boolean) => void;
  setOpacity: (id: string, v: number) => void;
  move: (id: string, dir: 'up' | 'down') => void;
  reset: () => void;
}

const byId = new Map(LAYER_REGISTRY.map((l) => [l.id, l]));

export const useLayers = create<LayersState>((set) => ({
  ...restore(),
  setVisible: (id, v) => set((s) => ({ visible: { ...s.visible, [id]: v } })),
  setOpacity: (id, v) => set((s) => ({ opacity: { ...s.opacity, [id]: v } })),
  move: (id, dir) => set((s) => ({ order: moveWithinGroup(s.order, id, dir, (x) => groupOf(byId.get(x)!)) })),
  reset: () => set(defaultSettings()),
}));

useLayers.subscribe((s) => {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ visible: s.visible, opacity: s.opacity, order: s.order }));
  } catch {
    /* private mode: settings last for the session */
  }
});
