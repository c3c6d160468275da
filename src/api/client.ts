import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import type { ClusterStatus } from '../core/clusters/status';

export interface ClusterProperties {
  id: number;
  name: string;
  status: ClusterStatus;
  declared_area_ha: number | null;
  plane_area_ha: number | null;
  ellipsoidal_area_ha: number | null;
  investor_name: string | null;
  district_name: string | null;
  commune_names: string[] | null;
  boundary_illustrative: boolean | null;
  label_point: Point | null;
  is_mountainous: boolean;
  is_craft_village: boolean;
  version: number;
}

export interface Decision {
  id: number;
  number: string;
  date: string;
  issuer: string;
  kind: string;
  legal_regime: string | null;
  summary: string | null;
  source: 'public' | 'illustrative' | 'user';
}

export type ClusterFeature = Feature<MultiPolygon | null, ClusterProperties>;
export type ClusterDetail = ClusterFeature & { decisions: Decision[] };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText);
  return body as T;
}

export const api = {
  clusters: () => getJson<FeatureCollection<MultiPolygon | null, ClusterProperties>>('/api/clusters'),
  cluster: (id: number) => getJson<ClusterDetail>(`/api/clusters/${id}`),
  adminUnits: (level: 'province' | 'district' | 'commune') =>
    getJson<FeatureCollection>(`/api/admin-units?level=${level}`),
};
