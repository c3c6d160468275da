import type { ExpressionSpecification } from 'maplibre-gl';
import type { PlotMapClass } from '../src/core/occupancy/land-use';
import { emptyGeoJson, type MapLayerDef } from './types';

/**
 * Fill of a plot of a cluster's detailed plan: industrial plots by the status of
 * the project holding them (vacant ones in a bright highlight), other plots by
 * land use. Opaque, so the colour a user sees is exactly this one.
 */
export const PLOT_CLASS_COLORS: Record<PlotMapClass, string> = {
  vacant: '#ffd60a',
  approved: '#9ccbf0',
  under_construction: '#4f95d6',
  operating: '#1d4f91',
  suspended: '#a05cb8',
  use_services: '#f4b6c8',
  use_infrastructure: '#b9a89f',
  use_wastewater: '#3fb7c4',
  use_green: '#8cc084',
  use_roads: '#dedbd3',
  use_water: '#b7e3f5',
  use_other: '#d8cfc6',
};

/** Outline of vacant industrial land (what the investor must publish, Decree 32/2024 Art. 19). */
export const VACANT_OUTLINE = '#d9480f';

const classColor = [
  'match',
  ['get', 'map_class'],
  ...Object.entries(PLOT_CLASS_COLORS).flat(),
  '#cccccc',
] as unknown as ExpressionSpecification;

const isVacant: ExpressionSpecification = ['==', ['get', 'map_class'], 'vacant'];
const isSelected: ExpressionSpecification = ['==', ['get', 'selected'], true];

export const plotsLayer: MapLayerDef = {
  id: 'plots',
  titleKey: 'layer.plots',
  group: 'data',
  source: { ...emptyGeoJson(), promoteId: 'id' } as MapLayerDef['source'],
  layers: [
    { id: 'plots-fill', type: 'fill', source: 'plots', paint: { 'fill-color': classColor, 'fill-opacity': 1 } },
    {
      id: 'plots-line',
      type: 'line',
      source: 'plots',
      paint: { 'line-color': '#6b6b6b', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.3, 17, 1] },
    },
    {
      id: 'plots-vacant-line',
      type: 'line',
      source: 'plots',
      filter: isVacant,
      paint: { 'line-color': VACANT_OUTLINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 2.5], 'line-dasharray': [2, 1] },
    },
    {
      id: 'plots-selected-line',
      type: 'line',
      source: 'plots',
      filter: isSelected,
      paint: { 'line-color': '#111111', 'line-width': 3.5 },
    },
    {
      id: 'plots-code',
      type: 'symbol',
      source: 'plots',
      minzoom: 15.5,
      // One label point per plot (pushed beside the polygons by src/features/plots/store.ts).
      filter: ['==', ['get', 'kind'], 'label'],
      layout: { 'text-field': ['get', 'code'], 'text-font': ['NotoSans-Regular'], 'text-size': 11, 'symbol-placement': 'point' },
      paint: { 'text-color': '#1f2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ],
  legend: Object.entries(PLOT_CLASS_COLORS).map(([cls, color]) => ({ kind: 'fill' as const, color, labelKey: `plots.class.${cls}` })),
  interactiveLayerIds: ['plots-fill'],
};
