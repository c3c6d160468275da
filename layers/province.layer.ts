import { emptyGeoJson, type MapLayerDef } from './types';

export const PROVINCE_FILL = '#fbf9f1';

/** The province being planned, drawn as the land of the offline basemap. */
export const provinceLayer: MapLayerDef = {
  id: 'province',
  titleKey: 'layer.province',
  source: emptyGeoJson(),
  layers: [
    { id: 'province-fill', type: 'fill', source: 'province', paint: { 'fill-color': PROVINCE_FILL } },
    { id: 'province-line', type: 'line', source: 'province', paint: { 'line-color': '#6d5d4b', 'line-width': 2.2 } },
  ],
  legend: [{ kind: 'line', color: '#6d5d4b', labelKey: 'legend.provinceBoundary' }],
};
