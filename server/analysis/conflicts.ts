import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import type { OverlapTable } from '../../src/core/analysis/table';
import type { Evaluation } from '../../src/core/rules/evaluate';
import type { RuleInput, RuleResult } from '../../src/core/rules/types';
import { dataVersions } from '../sql/analysis.sql';
import { measureSubject, overlapTable } from './overlap';
import { evaluateSubject, type RuleOptions } from './rules';
import { HttpError } from '../errors';
import { loadCluster, resolveSubject, type SubjectRequest } from './subject';
import { prepared } from '../db/prepared';

export interface ConflictRequest extends SubjectRequest {
  options?: RuleOptions & { includeGeometry?: boolean };
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

export interface ConflictResult {
  subject: { kind: 'geometry' | 'cluster' | 'proposal'; id: number | null; name: string | null; clusterId: number | null };
  srid: number;
  date: string;
  area: { planeHa: number; ellipsoidalHa: number };
  labelPoint: unknown;
  table: OverlapTable;
  layers: PlanLayerVersion[];
  rules: RuleResult[];
  overall: Evaluation['overall'];
  regime: RuleResult['regime'] & { note: string | null };
  inputs: Pick<RuleInput, 'kind' | 'mountainous' | 'craftVillage' | 'plannedAreaHa'>;
  dataVersions: { schema: string | null; clusters: number; clustersUpdatedAt: string | null; computedAt: string };
  geometry: Polygon | MultiPolygon;
  timingMs: number;
}

interface DataVersions {
  layers: PlanLayerVersion[];
  schema: string | null;
  clusters: number;
  clustersUpdatedAt: string | null;
}

/** Plan layers and their versions (zones, last change) in display order; schema and clusters' versions. */
async function readDataVersions(q: pg.Pool | pg.PoolClient): Promise<DataVersions> {
  const r = (await q.query<{ layers: PlanLayerVersion[]; schema: string | null; clusters: number; clusters_updated_at: Date | null }>(prepared(dataVersions, []))).rows[0]!;
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    layers: r.layers.map((l) => ({ ...l, updated_at: iso(l.updated_at) })),
    schema: r.schema,
    clusters: r.clusters,
    clustersUpdatedAt: iso(r.clusters_updated_at),
  };
}

/**
 * The conflict check: the subject's area (TM-3 plane and ellipsoid), its overlap with every
 * plan layer by land code and with other clusters, and the legal rules on the chosen date.
 */
export async function runConflictCheck(q: pg.Pool | pg.PoolClient, req: ConflictRequest): Promise<ConflictResult> {
  const t0 = performance.now();
  const opts = req.options ?? {};
  const s = await resolveSubject(q, req);
  const area = await measureSubject(q, s);
  const versions = await readDataVersions(q);
  const layers = versions.layers;
  // A boundary that redraws a saved cluster: that cluster is left out and its planned site is the target.
  const redrawn = s.cluster ? null : opts.excludeClusterId !== undefined ? await loadCluster(q, opts.excludeClusterId) : null;
  if (opts.excludeClusterId !== undefined && !s.cluster && !redrawn)
    throw new HttpError(404, 'NOT_FOUND', `Cluster ${opts.excludeClusterId} does not exist`);
  const table = await overlapTable(q, s, area.planeHa, {
    withGeometry: opts.includeGeometry !== false,
    layerOrder: layers.map((l) => l.id),
    excludeClusterId: opts.excludeClusterId ?? null,
    ownName: redrawn?.name ?? null,
  });
  const { evaluation, input } = await evaluateSubject(q, s, table, opts);
  return {
    subject: { kind: s.kind, id: s.id, name: s.name, clusterId: s.cluster?.id ?? null },
    srid: s.srid,
    date: input.date,
    area: { planeHa: area.planeHa, ellipsoidalHa: area.ellipsoidalHa },
    labelPoint: area.labelPoint,
    table,
    layers,
    rules: evaluation.results,
    overall: evaluation.overall,
    regime: { ...evaluation.results[0]!.regime, note: evaluation.ruleSet.note?.vi ?? null },
    inputs: { kind: input.kind, mountainous: input.mountainous, craftVillage: input.craftVillage, plannedAreaHa: input.plannedAreaHa ?? null },
    dataVersions: {
      schema: versions.schema,
      clusters: versions.clusters,
      clustersUpdatedAt: versions.clustersUpdatedAt,
      computedAt: new Date().toISOString(),
    },
    geometry: s.geometry,
    timingMs: Math.round(performance.now() - t0),
  };
}
