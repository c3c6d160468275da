import { emptyGeoJson, type MapLayerDef } from './types';

/** The other provinces of Vietnam (coarse), as context around the province. */
export const neighboursLayer: MapLayerDef = {
  id: 'neighbours',
  titleKey: 'layer.neighbours',
  source: emptyGeoJson(),
  layers: [
    { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': '#efede7' } },
    { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': '#b9b4a8', 'line-width': 0.8 } },
  ],
  legend: [],
};
