import type pg from 'pg';
import { CLUSTERS_LAYER, severityLookup } from '../../src/core/analysis/severity';
import { buildOverlapTable, type FeatureOverlap, type OverlapTable } from '../../src/core/analysis/table';
import type { LandSeverity } from '../../src/core/land/codes';
import { prepared } from '../db/prepared';
import { RawJson } from '../http/raw-json';
import { overlapAll, subjectArea } from '../sql/analysis.sql';
import { assertVerdict, type Subject, type SubjectVerdict } from './subject';

interface PieceRow {
  id: number;
  layer_id: string;
  land_code: string;
  original_code: string | null;
  name: string | null;
  severity: LandSeverity;
  overlap_ha: number;
}

interface MeasureRow {
  plane_ha: number;
  ellipsoidal_ha: number;
  label_point: unknown;
}

interface OverlapRow extends MeasureRow, SubjectVerdict {
  features: PieceRow[];
  /** The features' outlines in the same order, GeoJSON texts (or `null`) one a line; NULL without features. */
  geometries: string | null;
  layers: { layer_id: string; covered_ha: number }[];
  severities: { severity: LandSeverity; ha: number }[];
  versions_layers: PlanLayerVersion[];
  versions_schema: string | null;
  versions_clusters: number;
  versions_clusters_updated_at: Date | null;
}

export interface SubjectArea {
  planeHa: number;
  ellipsoidalHa: number;
  labelPoint: unknown;
}

export interface PlanLayerVersion {
  id: string;
  name_vi: string;
  name_en: string;
  source: string | null;
  is_synthetic: boolean;
  valid_from: string | null;
  zones: number;
  updated_at: string | null;
}

/** The plan layers (display order) with their versions, the schema's and the clusters'. */
export interface DataVersions {
  layers: PlanLayerVersion[];
  schema: string | null;
  clusters: number;
  clustersUpdatedAt: string | null;
}

const toArea = (r: MeasureRow): SubjectArea => ({ planeHa: r.plane_ha, ellipsoidalHa: r.ellipsoidal_ha, labelPoint: r.label_point });

export async function measureSubject(q: pg.Pool | pg.PoolClient, s: Subject): Promise<SubjectArea> {
  return toArea((await q.query<MeasureRow>(prepared(subjectArea, [s.geojson, s.srid]))).rows[0]!);
}

const toOverlap = (r: PieceRow, geometry: FeatureOverlap['geometry'] | RawJson): FeatureOverlap => ({
  id: r.id,
  layerId: r.layer_id,
  landCode: r.land_code,
  originalCode: r.original_code,
  name: r.name,
  severity: r.severity,
  overlapHa: r.overlap_ha,
  // A RawJson outline is written into the reply as it is (server/http/raw-json.ts): typed as the
  // GeoJSON it is, for the table's code shared with the browser, which only passes it along.
  ...(geometry ? { geometry: geometry as FeatureOverlap['geometry'] } : {}),
});

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The subject's overlap with every plan layer (by land code) and with other clusters, computed by
 * PostGIS in the subject's TM-3 plane, with the subject's area and the versions of the data — one
 * statement, which also checks the subject (a 422 for an empty or invalid one, nothing computed).
 * `rawOutlines`: the pieces' outlines stay PostGIS's text (RawJson), for a reply written with
 * stringifyWithRaw; else they are parsed (reports draw them).
 */
export async function overlapAnalysis(
  q: pg.Pool | pg.PoolClient,
  s: Subject,
  opts: { withGeometry: boolean; rawOutlines?: boolean; excludeClusterId?: number | null; ownName?: string | null },
): Promise<{ table: OverlapTable; area: SubjectArea; versions: DataVersions }> {
  const ownName = opts.ownName ?? s.cluster?.name ?? s.name ?? null;
  const exclude = opts.excludeClusterId ?? s.cluster?.id ?? null;
  const r = (await q.query<OverlapRow>(prepared(overlapAll, [s.geojson, s.srid, opts.withGeometry, ownName, exclude, severityLookup()]))).rows[0]!;
  assertVerdict(r);
  const area = toArea(r);
  const versions: DataVersions = {
    layers: r.versions_layers.map((l) => ({ ...l, updated_at: iso(l.updated_at) })),
    schema: r.versions_schema,
    clusters: r.versions_clusters,
    clustersUpdatedAt: iso(r.versions_clusters_updated_at),
  };
  const covered = new Map(r.layers.map((l) => [l.layer_id, l.covered_ha]));
  const bySeverity = new Map(r.severities.map((x) => [x.severity, x.ha]));
  const order = [...versions.layers.map((l) => l.id), CLUSTERS_LAYER];
  const texts = r.geometries?.split('\n') ?? [];
  const outline = (i: number) => {
    const t = texts[i];
    if (t === undefined || t === 'null') return null;
    return opts.rawOutlines ? new RawJson(t) : (JSON.parse(t) as FeatureOverlap['geometry']);
  };
  const features = r.features.map((f, i) => toOverlap(f, outline(i)));
  return { table: buildOverlapTable(area.planeHa, features, covered, order, bySeverity), area, versions };
}
