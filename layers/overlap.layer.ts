import type { ExpressionSpecification } from 'maplibre-gl';
import { SEVERITY_COLORS, SEVERITY_ORDER } from '../src/core/analysis/severity';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Fill colour of an overlap by its severity (property `severity`). */
const severityColor: ExpressionSpecification = [
  'match',
  ['get', 'severity'],
  ...SEVERITY_ORDER.flatMap((s) => [s, SEVERITY_COLORS[s]]),
  SEVERITY_COLORS.none,
] as unknown as ExpressionSpecification;

/**
 * The conflict check on the map: overlaps of the analysed boundary filled by severity
 * (most severe drawn last, property `rank`), the boundary itself (`kind` = 'subject')
 * and a trimmed proposal (`kind` = 'trim') outlined; the row picked in the table has
 * `selected` = true. Data: setMapSource('overlap', fc).
 */
export const overlapLayer: MapLayerDef = {
  id: 'overlap',
  titleKey: 'layer.overlap',
  source: { ...emptyGeoJson(), promoteId: 'key' } as MapLayerDef['source'],
  layers: [
    {
      id: 'overlap-fill',
      type: 'fill',
      source: 'overlap',
      filter: ['==', ['get', 'kind'], 'overlap'],
      layout: { 'fill-sort-key': ['get', 'rank'] },
      paint: {
        'fill-color': severityColor,
        'fill-opacity': ['case', ['boolean', ['get', 'selected'], false], 0.95, 0.7],
      },
    },
    {
      id: 'overlap-line',
      type: 'line',
      source: 'overlap',
      filter: ['==', ['get', 'kind'], 'overlap'],
      paint: {
        'line-color': ['case', ['boolean', ['get', 'selected'], false], '#000000', severityColor],
        'line-width': ['case', ['boolean', ['get', 'selected'], false], 3, 1],
      },
    },
    {
      id: 'overlap-subject',
      type: 'line',
      source: 'overlap',
      filter: ['==', ['get', 'kind'], 'subject'],
      paint: { 'line-color': '#111111', 'line-width': 2.5 },
    },
    {
      id: 'overlap-trim',
      type: 'line',
      source: 'overlap',
      filter: ['==', ['get', 'kind'], 'trim'],
      paint: { 'line-color': '#00a2ff', 'line-width': 3, 'line-dasharray': [2, 1] },
    },
  ],
  legend: SEVERITY_ORDER.filter((s) => s !== 'none' && s !== 'target').map((s) => ({
    kind: 'fill' as const,
    color: SEVERITY_COLORS[s],
    labelKey: `conflicts.severity.${s}`,
  })),
  interactiveLayerIds: ['overlap-fill'],
};
