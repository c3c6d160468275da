import { emptyGeoJson, type MapLayerDef } from './types';

/** Legacy districts (abolished 01/07/2025; clusters keep them as the unit at decision time). */
export const districtsLayer: MapLayerDef = {
  id: 'districts',
  titleKey: 'layer.districts',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      paint: { 'line-color': '#8c7b67', 'line-width': 1.2, 'line-dasharray': [4, 2] },
    },
  ],
  legend: [{ kind: 'line', color: '#8c7b67', labelKey: 'legend.districtBoundary' }],
};
