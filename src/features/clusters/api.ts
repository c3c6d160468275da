/** Typed client of the cluster registry API: record edits, decisions, boundary versions. */
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { ApiError, type ClusterProperties, type Decision } from '../../api/client';
import { sendJson } from '../../api/http';
import type { ClusterRecord } from '../../core/clusters/record';

/** Everything `GET /api/clusters[/id]` answers for a cluster. */
export type ClusterFull = ClusterProperties &
  ClusterRecord & {
    province_code: string;
    district_name: string | null;
    commune_names: string[] | null;
    commune_names_current: string[] | null;
    /** The occupancy to use: computed from the plots where the cluster has them, else typed. */
    occupancy_pct: number | null;
    occupancy_source: 'computed' | 'typed' | 'none';
    occupancy_typed_pct: number | null;
    occupancy_computed_pct: number | null;
    tm3_srid: number;
    boundary_id: number | null;
    boundary_versions: number;
    label_point: Point | null;
    updated_at: string;
  };

export type ClusterFullFeature = Feature<MultiPolygon | null, ClusterFull>;
export type DecisionFull = Decision & { version: number };
export type ClusterFullDetail = ClusterFullFeature & { decisions: DecisionFull[] };

export interface BoundaryVersion {
  id: number;
  cluster_id: number;
  version_no: number;
  decision_id: number | null;
  decision_number: string | null;
  decision_date: string | null;
  decision_kind: string | null;
  valid_from: string | null;
  valid_to: string | null;
  is_current: boolean;
  is_illustrative: boolean;
  note: string | null;
  plane_area_ha: number;
  ellipsoidal_area_ha: number;
}

export interface BoundaryDiffPart {
  plane_area_ha: number;
  ellipsoidal_area_ha: number;
  geometry: MultiPolygon | null;
}

export interface BoundaryDiff {
  from: number;
  to: number;
  added: BoundaryDiffPart;
  removed: BoundaryDiffPart;
  kept_plane_ha: number | null;
  net_plane_ha: number;
}

async function get<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.details);
  return body as T;
}

export const clustersApi = {
  list: () => get<FeatureCollection<MultiPolygon | null, ClusterFull>>('/api/clusters'),
  detail: (id: number) => get<ClusterFullDetail>(`/api/clusters/${id}`),
  /** Saves changed fields; 400 (field errors in details.errors) or 409 (details.current) come back as ApiError. */
  patch: (id: number, version: number, changes: Partial<ClusterRecord>) =>
    sendJson<ClusterFullDetail>('PATCH', `/api/clusters/${id}`, { version, ...changes }),
  versions: (id: number) => get<FeatureCollection<MultiPolygon, BoundaryVersion>>(`/api/clusters/${id}/boundaries`),
  diff: (id: number, from: number, to: number) => get<BoundaryDiff>(`/api/clusters/${id}/boundaries/diff?from=${from}&to=${to}`),
};
