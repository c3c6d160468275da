import type { ExpressionSpecification } from 'maplibre-gl';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Outline colours of the three forest types (darker than their land-use fills, to read on top). */
export const FOREST_LINE_COLORS = { RSX: '#3f9b3f', RPH: '#1f6e1f', RDD: '#0b4a0b' } as const;

const lineColor = ['match', ['get', 'land_code'], ...Object.entries(FOREST_LINE_COLORS).flat(), '#3f9b3f'] as unknown as ExpressionSpecification;

/** Forest plan (production, protection, special-use): outlined over the land-use plan. */
export const planForestLayer: MapLayerDef = {
  id: 'plan_forest',
  titleKey: 'layer.plan_forest',
  group: 'plan',
  planLayerId: 'forest',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'plan_forest-fill',
      type: 'fill',
      source: 'plan_forest',
      paint: { 'fill-color': lineColor, 'fill-opacity': 0.12 },
    },
    {
      id: 'plan_forest-line',
      type: 'line',
      source: 'plan_forest',
      paint: {
        'line-color': lineColor,
        'line-width': ['match', ['get', 'land_code'], 'RSX', 1, 2],
        'line-dasharray': [3, 1.5],
      },
    },
  ],
  legend: [
    { kind: 'line', color: FOREST_LINE_COLORS.RSX, labelKey: 'land.RSX' },
    { kind: 'line', color: FOREST_LINE_COLORS.RPH, labelKey: 'land.RPH' },
    { kind: 'line', color: FOREST_LINE_COLORS.RDD, labelKey: 'land.RDD' },
  ],
  interactiveLayerIds: ['plan_forest-fill'],
};
