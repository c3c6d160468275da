import { emptyGeoJson, type MapLayerDef } from './types';

/** Colours of a boundary comparison: land the newer version adds, land it removes, the older outline. */
export const VERSION_COLORS = { added: '#1a9850', removed: '#d73027', version: '#253494' } as const;

/**
 * A cluster's boundary history on the map: a chosen (older) version outlined, and the area
 * added / removed between two versions. Features: `{ role: 'version' | 'added' | 'removed' }`.
 */
export const clusterVersionsLayer: MapLayerDef = {
  id: 'cluster_versions',
  titleKey: 'layer.cluster_versions',
  group: 'data',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'cluster_versions-diff',
      type: 'fill',
      source: 'cluster_versions',
      filter: ['in', ['get', 'role'], ['literal', ['added', 'removed']]],
      paint: {
        'fill-color': ['match', ['get', 'role'], 'added', VERSION_COLORS.added, VERSION_COLORS.removed],
        'fill-opacity': 0.45,
      },
    },
    {
      id: 'cluster_versions-line',
      type: 'line',
      source: 'cluster_versions',
      filter: ['==', ['get', 'role'], 'version'],
      paint: { 'line-color': VERSION_COLORS.version, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
  ],
  legend: [
    { kind: 'fill', color: VERSION_COLORS.added, labelKey: 'versions.added' },
    { kind: 'fill', color: VERSION_COLORS.removed, labelKey: 'versions.removed' },
    { kind: 'line', color: VERSION_COLORS.version, labelKey: 'versions.older' },
  ],
};
