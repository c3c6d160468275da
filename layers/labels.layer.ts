import { emptyGeoJson, type MapLayerDef } from './types';

/** Past this zoom the names step aside: the panels name what is selected, and plots/parcels need the room. */
export const LABELS_MAXZOOM = 14.5;

/**
 * Name labels (points): cluster names and commune names, drawn with the offline Noto Sans glyphs
 * (Vietnamese diacritics included). Features: `{ name, kind: 'cluster' | 'commune' }`.
 */
export const labelsLayer: MapLayerDef = {
  id: 'labels',
  titleKey: 'layer.labels',
  group: 'base',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'labels-commune',
      type: 'symbol',
      source: 'labels',
      minzoom: 9.5,
      maxzoom: LABELS_MAXZOOM,
      filter: ['==', ['get', 'kind'], 'commune'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['NotoSans-Regular'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 9.5, 10, 14, 13],
        'text-max-width': 8,
        'symbol-sort-key': 2,
      },
      paint: { 'text-color': '#6b6254', 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 },
    },
    {
      id: 'labels-cluster',
      type: 'symbol',
      source: 'labels',
      maxzoom: LABELS_MAXZOOM,
      filter: ['==', ['get', 'kind'], 'cluster'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['NotoSans-Bold'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 14, 15],
        'text-max-width': 9,
        'text-offset': [0, 1.4],
        'text-anchor': 'top',
        'symbol-sort-key': 1,
      },
      paint: { 'text-color': '#5a0a2e', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ],
  legend: [],
};
