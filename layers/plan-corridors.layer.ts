import type { ExpressionSpecification } from 'maplibre-gl';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Corridor fills and outlines: roads, streams, power lines. */
export const CORRIDOR_COLORS = {
  DGT: { fill: '#ff9632', line: '#c0620e' },
  SON: { fill: '#8fd3ff', line: '#3b8fc4' },
  DTL: { fill: '#aaffff', line: '#3b8fc4' },
  DNL: { fill: '#ffaa50', line: '#d0312d' },
} as const;

const by = (k: 'fill' | 'line') =>
  ['match', ['get', 'land_code'], ...Object.entries(CORRIDOR_COLORS).flatMap(([c, v]) => [c, v[k]]), '#999999'] as unknown as ExpressionSpecification;

/** Transport, water and energy corridors (strips with a width). */
export const planCorridorsLayer: MapLayerDef = {
  id: 'plan_corridors',
  titleKey: 'layer.plan_corridors',
  group: 'plan',
  planLayerId: 'corridors',
  source: emptyGeoJson(),
  layers: [
    { id: 'plan_corridors-fill', type: 'fill', source: 'plan_corridors', paint: { 'fill-color': by('fill'), 'fill-opacity': 0.9 } },
    {
      id: 'plan_corridors-line',
      type: 'line',
      source: 'plan_corridors',
      paint: { 'line-color': by('line'), 'line-width': 1 },
    },
  ],
  legend: [
    { kind: 'fill', color: CORRIDOR_COLORS.DGT.fill, labelKey: 'land.DGT' },
    { kind: 'fill', color: CORRIDOR_COLORS.SON.fill, labelKey: 'land.SON' },
    { kind: 'fill', color: CORRIDOR_COLORS.DNL.fill, labelKey: 'land.DNL' },
  ],
  interactiveLayerIds: ['plan_corridors-fill'],
};
