import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import type { OverlapTable } from '../../src/core/analysis/table';
import type { Evaluation } from '../../src/core/rules/evaluate';
import type { RuleInput, RuleResult } from '../../src/core/rules/types';
import { overlapAnalysis, type PlanLayerVersion } from './overlap';
import { evaluateSubject, gatherRuleFacts, type RuleOptions } from './rules';
import type { Alongside } from '../db/snapshot';
import { HttpError } from '../errors';
import { loadCluster, resolveSubject, type SubjectRequest } from './subject';

export interface ConflictRequest extends SubjectRequest {
  options?: RuleOptions & { includeGeometry?: boolean };
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

/**
 * The conflict check: the subject's area (TM-3 plane and ellipsoid), its overlap with every
 * plan layer by land code and with other clusters, and the legal rules on the chosen date.
 * `alongside` runs what the rules read besides the overlap (units, distances, registry) at the
 * same time as the overlap statement, on a second connection of the same snapshot where there is one.
 * `rawOutlines`: the pieces' outlines stay PostGIS's GeoJSON text, for a reply written with
 * stringifyWithRaw (server/http/raw-json.ts); reports, which draw them, get them parsed.
 */
export async function runConflictCheck(
  q: pg.PoolClient,
  req: ConflictRequest,
  alongside: Alongside = (fn) => fn(q),
  { rawOutlines = false }: { rawOutlines?: boolean } = {},
): Promise<ConflictResult> {
  const t0 = performance.now();
  const opts = req.options ?? {};
  const s = await resolveSubject(q, req, { checkedBy: 'statement' });
  // A boundary that redraws a saved cluster: that cluster is left out and its planned site is the target.
  const redrawn = s.cluster ? null : opts.excludeClusterId !== undefined ? await loadCluster(q, opts.excludeClusterId) : null;
  if (opts.excludeClusterId !== undefined && !s.cluster && !redrawn)
    throw new HttpError(404, 'NOT_FOUND', `Cluster ${opts.excludeClusterId} does not exist`);
  // Both settle before either's error is thrown: no statement of this request outlives it.
  const [overlap, gathered] = await Promise.allSettled([
    overlapAnalysis(q, s, {
      withGeometry: opts.includeGeometry !== false,
      rawOutlines,
      excludeClusterId: opts.excludeClusterId ?? null,
      ownName: redrawn?.name ?? null,
    }),
    alongside((c) => gatherRuleFacts(c, s, opts)),
  ]);
  if (overlap.status === 'rejected') throw overlap.reason;
  if (gathered.status === 'rejected') throw gathered.reason;
  const [{ table, area, versions }, facts] = [overlap.value, gathered.value];
  const layers = versions.layers;
  const { evaluation, input } = evaluateSubject(facts, table, opts, s.cluster ?? redrawn ?? null);
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
