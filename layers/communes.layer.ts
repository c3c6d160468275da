import { emptyGeoJson, type MapLayerDef } from './types';

/** Commune boundaries, from zoom 9. */
export const communesLayer: MapLayerDef = {
  id: 'communes',
  titleKey: 'layer.communes',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'communes-line',
      type: 'line',
      source: 'communes',
      minzoom: 9,
      paint: { 'line-color': '#a89f91', 'line-width': 0.6, 'line-dasharray': [2, 2] },
    },
  ],
  legend: [{ kind: 'line', color: '#a89f91', labelKey: 'legend.communeBoundary' }],
};
