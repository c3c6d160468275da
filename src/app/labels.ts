import type { Feature, FeatureCollection, Point } from 'geojson';
import { shortClusterName } from '../core/clusters/record';

interface Labelled {
  properties: unknown;
}

const pointOf = (p: unknown): Point | null => {
  const lp = (p as { label_point?: Point | null } | null)?.label_point;
  return lp && lp.type === 'Point' ? lp : null;
};

/**
 * Label points for the map (layers/labels.layer.ts): each cluster by its short name ("CCN Đình Lập")
 * and each commune by its name, at their interior points.
 * @example labelFeatures(clusters, communes).features[0].properties // → { name: 'CCN Đình Lập', kind: 'cluster' }
 */
export function labelFeatures(clusters: { features: Labelled[] } | undefined, communes: { features: Labelled[] } | undefined): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of clusters?.features ?? []) {
    const p = f.properties as { name?: string };
    const g = pointOf(f.properties);
    if (g && p.name) features.push({ type: 'Feature', geometry: g, properties: { name: `CCN ${shortClusterName(p.name)}`, kind: 'cluster' } });
  }
  for (const f of communes?.features ?? []) {
    const p = f.properties as { name?: string };
    const g = pointOf(f.properties);
    if (g && p.name) features.push({ type: 'Feature', geometry: g, properties: { name: p.name, kind: 'commune' } });
  }
  return { type: 'FeatureCollection', features };
}
