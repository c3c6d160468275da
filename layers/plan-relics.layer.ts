import { landCodeColor, landLegend } from './land-colors';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Relics, scenic and belief sites: small polygons, outlined so they show at every zoom. */
export const planRelicsLayer: MapLayerDef = {
  id: 'plan_relics',
  titleKey: 'layer.plan_relics',
  group: 'plan',
  planLayerId: 'relics',
  source: emptyGeoJson(),
  layers: [
    { id: 'plan_relics-fill', type: 'fill', source: 'plan_relics', paint: { 'fill-color': landCodeColor(), 'fill-opacity': 0.9 } },
    { id: 'plan_relics-line', type: 'line', source: 'plan_relics', paint: { 'line-color': '#b03a2e', 'line-width': 1.5 } },
  ],
  legend: landLegend(['DDD', 'TIN']),
  interactiveLayerIds: ['plan_relics-fill'],
};
