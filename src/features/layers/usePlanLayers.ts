import type { FeatureCollection } from 'geojson';
import { useEffect } from 'react';
import { LAYER_REGISTRY } from '../../../layers';
import { useApp } from '../../app/store';
import { getMapController } from '../../map/instance';
import { useLayers } from './store';

/** Loads every plan layer's zones into its map source once (GET /api/plan-layers/{id}/zones). */
export function usePlanLayerData(): void {
  const setMapSource = useApp((s) => s.setMapSource);
  useEffect(() => {
    let live = true;
    for (const def of LAYER_REGISTRY) {
      if (!def.planLayerId) continue;
      fetch(`/api/plan-layers/${def.planLayerId}/zones`)
        .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : undefined))
        .then((fc) => live && fc && setMapSource(def.id, fc))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [setMapSource]);
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
