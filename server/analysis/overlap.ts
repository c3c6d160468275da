import type pg from 'pg';
import { CLUSTERS_LAYER, severityOf, severityTable } from '../../src/core/analysis/severity';
import { buildOverlapTable, type FeatureOverlap, type OverlapTable } from '../../src/core/analysis/table';
import type { LandSeverity } from '../../src/core/land/codes';
import { overlapAll, subjectArea } from '../sql/analysis.sql';
import type { Subject } from './subject';
import { prepared } from '../db/prepared';

interface PieceRow {
  id: number;
  layer_id: string;
  land_code: string;
  original_code: string | null;
  name: string | null;
  own: boolean;
  overlap_ha: number;
  geometry: FeatureOverlap['geometry'];
}

interface PiecesResult {
  features: PieceRow[];
  layers: { layer_id: string; covered_ha: number }[];
  severities: { severity: LandSeverity; ha: number }[];
}

export interface SubjectArea {
  planeHa: number;
  ellipsoidalHa: number;
  labelPoint: unknown;
}

export async function measureSubject(q: pg.Pool | pg.PoolClient, s: Subject): Promise<SubjectArea> {
  const { rows } = await q.query<{ plane_ha: number; ellipsoidal_ha: number; label_point: unknown }>(prepared(subjectArea, [s.geojson, s.srid]));
  return { planeHa: rows[0]!.plane_ha, ellipsoidalHa: rows[0]!.ellipsoidal_ha, labelPoint: rows[0]!.label_point };
}

const toOverlap = (r: PieceRow): FeatureOverlap => ({
  id: r.id,
  layerId: r.layer_id,
  landCode: r.land_code,
  originalCode: r.original_code,
  name: r.name,
  severity: severityOf(r.layer_id, r.land_code, r.own),
  overlapHa: r.overlap_ha,
  ...(r.geometry ? { geometry: r.geometry } : {}),
});

/**
 * The subject's overlap with every plan layer (by land code) and with other clusters,
 * computed by PostGIS in the subject's TM-3 plane.
 */
export async function overlapTable(
  q: pg.Pool | pg.PoolClient,
  s: Subject,
  clusterHa: number,
  opts: { withGeometry: boolean; layerOrder: readonly string[]; excludeClusterId?: number | null; ownName?: string | null },
): Promise<OverlapTable> {
  const ownName = opts.ownName ?? s.cluster?.name ?? s.name ?? null;
  const exclude = opts.excludeClusterId ?? s.cluster?.id ?? null;
  const sev = severityTable(opts.layerOrder);
  const r = (await q.query<PiecesResult>(prepared(overlapAll, [s.geojson, s.srid, opts.withGeometry, ownName, exclude, sev.keys, sev.severities]))).rows[0]!;
  const covered = new Map(r.layers.map((l) => [l.layer_id, l.covered_ha]));
  const bySeverity = new Map(r.severities.map((x) => [x.severity, x.ha]));
  return buildOverlapTable(clusterHa, r.features.map(toOverlap), covered, [...opts.layerOrder, CLUSTERS_LAYER], bySeverity);
}
