import type { ExpressionSpecification } from 'maplibre-gl';
import type { ClusterStatus } from '../src/core/clusters/status';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Fill colour of a cluster by lifecycle status (warm hues: industrial land on VN plan maps). */
export const CLUSTER_STATUS_COLORS: Record<ClusterStatus, string> = {
  proposed: '#f4a582',
  in_plan: '#e78ac3',
  investor_selection: '#c51b7d',
  established: '#b2182b',
  detailed_plan_approved: '#d6604d',
  infrastructure_construction: '#e66101',
  operating: '#7b3294',
  expanded: '#542788',
  adjusted: '#8073ac',
  removed_from_plan: '#969696',
};

const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...Object.entries(CLUSTER_STATUS_COLORS).flat(),
  '#c51b7d',
] as unknown as ExpressionSpecification;

/** Cluster boundaries (current version), coloured by status; the selected one outlined. */
export const clustersLayer: MapLayerDef = {
  id: 'clusters',
  titleKey: 'layer.clusters',
  source: { ...emptyGeoJson(), promoteId: 'id' } as MapLayerDef['source'],
  layers: [
    {
      id: 'clusters-fill',
      type: 'fill',
      source: 'clusters',
      paint: { 'fill-color': statusColor, 'fill-opacity': 0.75 },
    },
    {
      id: 'clusters-line',
      type: 'line',
      source: 'clusters',
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#111111', '#5a0a2e'],
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, 1.5],
      },
    },
  ],
  legend: Object.entries(CLUSTER_STATUS_COLORS).map(([status, color]) => ({
    kind: 'fill' as const,
    color,
    labelKey: `status.${status}`,
  })),
  interactiveLayerIds: ['clusters-fill'],
};
