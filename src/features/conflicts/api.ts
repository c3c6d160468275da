import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PlanFeature } from '../../core/analysis/plan-index';
import type { OverlapTable } from '../../core/analysis/table';
import type { RuleResult } from '../../core/rules/types';

/** Typed client of /api/analysis (shapes as the server answers them). */

export interface ConflictOptions {
  date?: string;
  kind?: 'new' | 'expansion';
  mountainous?: boolean;
  craftVillage?: boolean;
  excludeClusterId?: number;
  includeGeometry?: boolean;
}

export type Subject = { clusterId: number } | { proposalId: number } | { geometry: Polygon | MultiPolygon; name?: string };

export interface ConflictResult {
  subject: { kind: 'geometry' | 'cluster' | 'proposal'; id: number | null; name: string | null; clusterId: number | null };
  srid: number;
  date: string;
  area: { planeHa: number; ellipsoidalHa: number };
  table: OverlapTable;
  layers: { id: string; name_vi: string; name_en: string; is_synthetic: boolean }[];
  rules: RuleResult[];
  overall: 'pass' | 'warn' | 'fail';
  regime: RuleResult['regime'] & { note: string | null };
  geometry: Polygon | MultiPolygon;
  timingMs: number;
}

export interface TrimResult {
  geometry: MultiPolygon | null;
  originalHa: number;
  areaHa: number;
  removedHa: number;
  removedCodes: string[];
  meetsMinimum: boolean;
  areaRule: RuleResult;
}

export interface Scenario {
  label: string;
  subject: ConflictResult['subject'];
  area: ConflictResult['area'];
  severities: OverlapTable['severities'];
  rules: Pick<RuleResult, 'ruleId' | 'status' | 'article' | 'title' | 'message'>[];
  overall: ConflictResult['overall'];
  parcels: { available: boolean; parcels: number | null; households: number | null; compensationVnd: number | null; note: string };
}

export class AnalysisError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: 'same-origin',
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { message: string } };
  if (!res.ok) throw new AnalysisError(res.status, json.error?.message ?? res.statusText);
  return json as T;
}

interface FeatureProps {
  id: number;
  layer_id: string;
  land_code: string;
  original_code: string | null;
  name: string | null;
}

export const analysisApi = {
  conflicts: (subject: Subject, options: ConflictOptions, signal?: AbortSignal) =>
    call<ConflictResult>('POST', '/api/analysis/conflicts', { ...subject, options }, signal),
  trim: (subject: Subject, options: { excludeNeedsApproval?: boolean; mountainous?: boolean; date?: string }) =>
    call<TrimResult>('POST', '/api/analysis/trim', { ...subject, options }),
  compare: (items: (Subject & { label?: string; options?: ConflictOptions })[], options: ConflictOptions) =>
    call<{ scenarios: Scenario[] }>('POST', '/api/analysis/compare', { items, options }),
  /** Plan zones and other clusters in a box, as PlanFeatures for the live estimate. */
  async features(bbox: [number, number, number, number], signal?: AbortSignal): Promise<PlanFeature[]> {
    const fc = await call<FeatureCollection<Polygon | MultiPolygon, FeatureProps>>('GET', `/api/analysis/features?bbox=${bbox.map((v) => v.toFixed(6)).join(',')}`, undefined, signal);
    return fc.features.map((f) => ({
      id: f.properties.id,
      layerId: f.properties.layer_id,
      landCode: f.properties.land_code,
      originalCode: f.properties.original_code,
      name: f.properties.name,
      geometry: f.geometry,
    }));
  },
  /** Saves a trimmed boundary as a proposal (the proposals feature's route). */
  createProposal: (body: { name: string; origin: 'trim'; cluster_id: number | null; geometry: MultiPolygon }) =>
    call<{ id: number; properties?: { id: number } }>('POST', '/api/proposals', body),
  proposals: () => call<FeatureCollection<Polygon | MultiPolygon, { id: number; name: string }>>('GET', '/api/proposals'),
  reportUrl: (clusterId: number, format: 'pdf' | 'xlsx', date?: string) =>
    `/api/analysis/report?clusterId=${clusterId}&format=${format}${date ? `&date=${date}` : ''}`,
};

/** Downloads a report of any subject (POST, for drafts that have no id). */
export async function downloadReport(subject: Subject, options: ConflictOptions, format: 'pdf' | 'xlsx'): Promise<void> {
  const res = await fetch('/api/analysis/report', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...subject, options, format }),
    credentials: 'same-origin',
  });
  if (!res.ok) throw new AnalysisError(res.status, ((await res.json().catch(() => ({}))) as { error?: { message: string } }).error?.message ?? res.statusText);
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `bao-cao.${format}`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
