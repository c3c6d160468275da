import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { SEVERITY_ORDER, severityRank } from '../../core/analysis/severity';
import type { CodeRow, OverlapTable } from '../../core/analysis/table';
import { zoomToFeature } from '../../map/zoom';

/** Severities not filled on the map: the subject's own planned site and unrestricted land. */
const NOT_FILLED = new Set(['target', 'none']);

export const rowKey = (layerId: string, landCode: string) => `${layerId}|${landCode}`;

/**
 * The 'overlap' map source: each overlap piece filled by severity (most severe on top),
 * the row picked in the table marked `selected`, the subject outlined, and a trimmed
 * boundary (if any) dashed.
 */
export function overlapCollection(
  subject: Polygon | MultiPolygon | undefined,
  table: OverlapTable | undefined,
  selectedRow: string | undefined,
  trimmed?: MultiPolygon | null,
): FeatureCollection {
  const features: Feature[] = [];
  for (const l of table?.layers ?? [])
    for (const r of l.codes) {
      if (NOT_FILLED.has(r.severity)) continue;
      for (const f of r.features) {
        if (!f.geometry) continue;
        features.push({
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            kind: 'overlap',
            key: `${l.layerId}|${r.landCode}|${f.id}`,
            row: rowKey(l.layerId, r.landCode),
            severity: r.severity,
            rank: SEVERITY_ORDER.length - severityRank(r.severity),
            selected: rowKey(l.layerId, r.landCode) === selectedRow,
          },
        });
      }
    }
  if (subject) features.push({ type: 'Feature', geometry: subject, properties: { kind: 'subject', key: 'subject' } });
  if (trimmed) features.push({ type: 'Feature', geometry: trimmed, properties: { kind: 'trim', key: 'trim' } });
  return { type: 'FeatureCollection', features };
}

/** Zooms the map to the overlap pieces of one table row. */
export function zoomToRow(row: CodeRow): void {
  const coords: Position[][][] = [];
  for (const f of row.features) {
    if (!f.geometry) continue;
    if (f.geometry.type === 'Polygon') coords.push(f.geometry.coordinates);
    else coords.push(...f.geometry.coordinates);
  }
  if (coords.length) zoomToFeature({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: coords } }, 17);
}
