import type { FeatureCollection } from 'geojson';
import { useEffect } from 'react';
import { LAYER_REGISTRY } from '../../../layers';
import { useApp } from '../../app/store';
import { getMapController } from '../../map/instance';
import { tileSourceFor, shouldTile } from '../../map/tiled-source';
import { useLayers } from './store';

/**
 * Loads every plan layer's zones into its map source once (GET /api/plan-layers/{id}/zones);
 * a layer with more zones than TILE_THRESHOLD is drawn from vector tiles instead (never downloaded whole).
 */
export function usePlanLayerData(): void {
  const setMapSource = useApp((s) => s.setMapSource);
  useEffect(() => {
    let live = true;
    void planLayerCounts().then((counts) => {
      for (const def of LAYER_REGISTRY) {
        if (!def.planLayerId || !live) continue;
        if (shouldTile(counts.get(def.planLayerId) ?? 0)) {
          void getMapController()?.setTiles(def.id, tileSourceFor(def));
          continue;
        }
        fetch(`/api/plan-layers/${def.planLayerId}/zones`)
          .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : undefined))
          .then((fc) => live && fc && setMapSource(def.id, fc))
          .catch(() => undefined);
      }
    });
    return () => {
      live = false;
    };
  }, [setMapSource]);
}

/** Zones per plan layer (GET /api/plan-layers); empty when the list cannot be read. */
async function planLayerCounts(): Promise<Map<string, number>> {
  const list = await fetch('/api/plan-layers')
    .then((r) => (r.ok ? (r.json() as Promise<{ id: string; zone_count: number }[]>) : []))
    .catch(() => []);
  return new Map(list.map((l) => [l.id, l.zone_count]));
}

/** Pushes the layer panel's settings (visibility, opacity, draw order) into the map. */
export function useLayerSettingsOnMap(): void {
  const { visible, opacity, order } = useLayers();
  useEffect(() => {
    const c = getMapController();
    if (!c) return;
    for (const def of LAYER_REGISTRY) {
      void c.setLayerVisible(def.id, visible[def.id] ?? true);
      void c.setLayerOpacity(def.id, opacity[def.id] ?? 1);
    }
  }, [visible, opacity]);
  useEffect(() => {
    void getMapController()?.setLayerOrder(order);
  }, [order]);
}
