import type { MultiPolygon, Polygon } from 'geojson';
import type { LandSeverity } from '../land/codes';
import { severityRank, SEVERITY_ORDER } from './severity';

/** One feature's overlap with the subject boundary. */
export interface FeatureOverlap {
  id: number | string;
  layerId: string;
  landCode: string;
  /** The code as printed on the source map (legacy codes kept), if different. */
  originalCode?: string | null;
  name: string | null;
  severity: LandSeverity;
  overlapHa: number;
  /** The overlap itself, EPSG:4326 (when asked for). */
  geometry?: Polygon | MultiPolygon | null;
}

export interface CodeRow {
  layerId: string;
  landCode: string;
  severity: LandSeverity;
  overlapHa: number;
  /** Percentage of the subject's plane area. */
  pct: number;
  features: FeatureOverlap[];
}

export interface LayerRow {
  layerId: string;
  /** Area of the subject covered by the layer's zones (their union), ha. */
  coveredHa: number;
  uncoveredHa: number;
  codes: CodeRow[];
}

export interface SeverityRow {
  severity: LandSeverity;
  overlapHa: number;
  pct: number;
}

export interface OverlapTable {
  clusterHa: number;
  layers: LayerRow[];
  /** Area by severity over all layers, each piece of ground counted once (union). */
  severities: SeverityRow[];
}

/** Overlaps below this (ha) are touching edges, not overlaps. */
export const MIN_OVERLAP_HA = 1e-6;

const pctOf = (ha: number, total: number) => (total > 0 ? (100 * ha) / total : 0);

/**
 * Groups feature overlaps into the table both the server and the browser answer with:
 * per layer (in `layerOrder`), per land code and severity, most severe first.
 * `coveredHa` gives each layer's covered area (the union of its pieces), `severityHa` the
 * area of each severity over all layers (the union; without it, sums of rows — which count
 * ground twice where two layers show it).
 */
export function buildOverlapTable(
  clusterHa: number,
  overlaps: readonly FeatureOverlap[],
  coveredHa: ReadonlyMap<string, number>,
  layerOrder: readonly string[] = [],
  severityHa?: ReadonlyMap<LandSeverity, number>,
): OverlapTable {
  const layers = new Map<string, Map<string, CodeRow>>();
  for (const o of overlaps) {
    if (o.overlapHa < MIN_OVERLAP_HA) continue;
    let codes = layers.get(o.layerId);
    if (!codes) layers.set(o.layerId, (codes = new Map()));
    const key = `${o.landCode}|${o.severity}`;
    let row = codes.get(key);
    if (!row) codes.set(key, (row = { layerId: o.layerId, landCode: o.landCode, severity: o.severity, overlapHa: 0, pct: 0, features: [] }));
    row.overlapHa += o.overlapHa;
    row.features.push(o);
  }
  const order = (id: string) => {
    const i = layerOrder.indexOf(id);
    return i < 0 ? layerOrder.length : i;
  };
  const layerIds = [...new Set([...layers.keys(), ...coveredHa.keys()])].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const layerRows: LayerRow[] = layerIds.map((layerId) => {
    const codes = [...(layers.get(layerId)?.values() ?? [])];
    for (const r of codes) {
      r.pct = pctOf(r.overlapHa, clusterHa);
      r.features.sort((a, b) => b.overlapHa - a.overlapHa);
    }
    codes.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.overlapHa - a.overlapHa);
    const covered = Math.min(clusterHa, coveredHa.get(layerId) ?? codes.reduce((s, r) => s + r.overlapHa, 0));
    return { layerId, coveredHa: covered, uncoveredHa: Math.max(0, clusterHa - covered), codes };
  });
  const bySeverity = new Map<LandSeverity, number>();
  for (const l of layerRows) for (const r of l.codes) bySeverity.set(r.severity, (bySeverity.get(r.severity) ?? 0) + r.overlapHa);
  const sevHa = (s: LandSeverity) => Math.min(clusterHa, severityHa?.get(s) ?? bySeverity.get(s)!);
  const severities = SEVERITY_ORDER.filter((s) => bySeverity.has(s)).map((s) => ({
    severity: s,
    overlapHa: sevHa(s),
    pct: pctOf(sevHa(s), clusterHa),
  }));
  return { clusterHa, layers: layerRows.filter((l) => l.codes.length > 0 || l.coveredHa > 0), severities };
}

/** Overlap hectares per "layer|code" key, for comparing two tables (server vs browser). */
export function overlapByCode(t: OverlapTable): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of t.layers) for (const r of l.codes) m.set(`${l.layerId}|${r.landCode}`, (m.get(`${l.layerId}|${r.landCode}`) ?? 0) + r.overlapHa);
  return m;
}
