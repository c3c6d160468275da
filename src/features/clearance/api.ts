/** Typed client of the clearance (GPMB) API. */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point } from 'geojson';
import { ApiError } from '../../api/client';
import { sendJson } from '../../api/http';
import type { Deadlines, OverdueItem, OverdueKind } from '../../core/clearance/deadlines';
import type { ParcelInventory } from '../../core/clearance/inventory';
import type { Progress } from '../../core/clearance/progress';
import type { BlockingFlag, ParcelAction, ParcelStatus } from '../../core/clearance/steps';

export interface MapParcelProps {
  id: number;
  map_sheet_no: string;
  parcel_no: string;
  legal_land_code: string;
  current_land_code: string | null;
  status: ParcelStatus | null;
  step: number | null;
  flags: BlockingFlag[];
  area_ha: number;
  household_count: number;
  graves_total: number;
  graves_relocated: number;
  overdue: OverdueKind[];
  version: number;
  is_synthetic: boolean;
  label_point: Point | null;
}
export type ParcelsCollection = FeatureCollection<MultiPolygon, MapParcelProps>;

export interface ParcelEvent {
  seq: number;
  action: ParcelAction;
  from_status: ParcelStatus;
  to_status: ParcelStatus;
  date: string;
  decision_no: string | null;
  signatory: string | null;
  amount: number | null;
  deposited: boolean | null;
  note: string | null;
  actor: string;
  batch_id: string | null;
  parcel_version: number;
  recorded_at: string;
}

export interface ParcelRecord {
  id: number;
  cluster_id: number;
  cluster_name: string;
  commune_code: string;
  commune_name: string | null;
  map_sheet_no: string;
  parcel_no: string;
  legal_land_code: string;
  current_land_code: string | null;
  planned_land_code: string | null;
  original_land_code: string | null;
  land_group: 'agricultural' | 'non_agricultural';
  cadastral_area_m2: number | null;
  area_ha: number;
  inventory: ParcelInventory;
  flags: BlockingFlag[];
  notes: string | null;
  is_synthetic: boolean;
  version: number;
  status: ParcelStatus;
  step: number;
  planned_on: string;
  notice_date: string | null;
  approval_date: string | null;
  payment_date: string | null;
  recovery_decision_date: string | null;
  handover_date: string | null;
  compensation_proposed: number | null;
  compensation_approved: number | null;
  compensation_paid: number | null;
  deposited: boolean;
  owner_count: number;
  household_count: number;
  deadlines: Deadlines;
  overdue: OverdueItem[];
  allowed_actions: ParcelAction[];
}
export type ParcelFeature = Feature<Geometry, ParcelRecord> & { id: number; events: ParcelEvent[] };

export interface Owner {
  id: number;
  owner_name: string;
  role: string;
  share_pct: number | null;
  household_code: string;
  household_head: string;
  address: string | null;
  members: number | null;
}

export interface ProgressAnswer {
  as_of: string;
  cluster_id: number | null;
  cluster_name: string | null;
  progress: Progress;
  clusters?: { cluster_id: number; cluster_name: string; progress: Progress }[];
}

export interface TimelinePoint {
  month: string;
  date: string;
  handedOverHa: number;
  pctArea: number;
  approved: number;
  paid: number;
  parcelsByStep: number[];
  notInPlan: number;
}

export interface TransitionFields {
  action: ParcelAction;
  date: string;
  decision_no?: string | null;
  signatory?: string | null;
  note?: string | null;
  amount?: number | null;
  deposited?: boolean | null;
}

/** A refusal as the server details it (one per parcel). */
export interface RefusalDetail {
  parcel_id?: number;
  parcel?: string;
  code: string;
  message: string;
  message_vi: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.details);
  return body as T;
}

const qs = (o: Record<string, string | number | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

export const clearanceApi = {
  parcels: (clusterId: number, asOf?: string) => getJson<ParcelsCollection>(`/api/parcels?${qs({ cluster_id: clusterId, as_of: asOf })}`),
  parcel: (id: number) => getJson<ParcelFeature>(`/api/parcels/${id}`),
  owners: (id: number) => getJson<Owner[]>(`/api/parcels/${id}/owners`),
  progress: (clusterId?: number, asOf?: string) => getJson<ProgressAnswer>(`/api/clearance/progress?${qs({ cluster_id: clusterId, as_of: asOf })}`),
  timeline: (clusterId: number) => getJson<TimelinePoint[]>(`/api/clearance/timeline?cluster_id=${clusterId}`),
  transition: (id: number, version: number, f: TransitionFields) => sendJson<ParcelFeature>('POST', `/api/parcels/${id}/transitions`, { version, ...f }),
  bulk: (items: { id: number; version: number }[], f: TransitionFields) =>
    sendJson<{ batch_id: string; count: number }>('POST', '/api/parcels/transitions', { items, ...f }),
  reviewUrl: (clusterId: number | undefined, month: string) => `/api/clearance/review.xlsx?${qs({ cluster_id: clusterId, month })}`,
};
