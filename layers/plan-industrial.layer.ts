import { landCodeColor, landLegend } from './land-colors';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Planned industrial parks (SKK) and clusters (SKN) of the provincial plan. */
export const planIndustrialLayer: MapLayerDef = {
  id: 'plan_industrial',
  titleKey: 'layer.plan_industrial',
  group: 'plan',
  planLayerId: 'industrial',
  source: emptyGeoJson(),
  layers: [
    { id: 'plan_industrial-fill', type: 'fill', source: 'plan_industrial', paint: { 'fill-color': landCodeColor(), 'fill-opacity': 0.35 } },
    {
      id: 'plan_industrial-line',
      type: 'line',
      source: 'plan_industrial',
      paint: {
        'line-color': ['match', ['get', 'land_code'], 'SKK', '#8e1f5f', '#c0397a'],
        'line-width': 1.6,
        'line-dasharray': [4, 2],
      },
    },
  ],
  legend: landLegend(['SKN', 'SKK']),
  interactiveLayerIds: ['plan_industrial-fill'],
};
