/** Typed client of the plots, projects and inspections API. */
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson';
import { ApiError } from '../../api/client';
import { sendJson } from '../../api/http';
import type {
  CapitalOrigin, FollowUpStatus, InspectionScope, PlotLandUse, PlotMapClass, ProjectStatus,
} from '../../core/occupancy/land-use';

export interface PlotProperties {
  id: number;
  cluster_id: number;
  code: string;
  land_use: PlotLandUse;
  area_ha: number;
  plan_area_ha: number | null;
  note: string | null;
  is_synthetic: boolean;
  version: number;
  project_id: number | null;
  project_name: string | null;
  investor_name: string | null;
  capital_origin: CapitalOrigin | null;
  project_status: ProjectStatus | null;
  leased_on: string | null;
  map_class: PlotMapClass;
  label_point: Point | null;
  /** Set by the client for the map highlight. */
  selected?: boolean;
}
export type PlotFeature = Feature<MultiPolygon, PlotProperties>;

export interface Occupancy {
  cluster_id: number;
  cluster_name: string;
  computed: {
    plot_count: number;
    industrial_plot_count: number;
    occupied_plot_count: number;
    plan_area_ha: number;
    industrial_area_ha: number;
    occupied_area_ha: number;
    vacant_area_ha: number;
    occupancy_pct: number | null;
  } | null;
  typed: { industrial_land_ha: number | null; leased_land_ha: number | null; investment_approved_land_ha: number | null; occupancy_pct: number | null };
  effective: { occupancy_pct: number | null; source: 'computed' | 'typed' | 'none' };
}

export type PlotsCollection = FeatureCollection<MultiPolygon, PlotProperties> & { features: PlotFeature[]; occupancy: Occupancy };

export interface ProjectReport {
  id: number;
  period: string;
  revenue_bn_vnd: number | null;
  budget_paid_bn_vnd: number | null;
  workers: number | null;
  avg_income_mn_vnd: number | null;
  version: number;
}

export interface Project {
  id: number;
  cluster_id: number;
  name: string;
  investor_name: string;
  capital_origin: CapitalOrigin;
  investor_country: string | null;
  industry: string | null;
  investment_cert_no: string | null;
  investment_cert_date: string | null;
  registered_capital_bn_vnd: number | null;
  disbursed_capital_bn_vnd: number | null;
  lease_contract_no: string | null;
  lease_contract_date: string | null;
  construction_start: string | null;
  operation_start: string | null;
  status: ProjectStatus;
  notes: string | null;
  version: number;
  plots: { id: number; code: string; area_ha: number; leased_on: string }[];
  leased_area_ha: number;
  reports: ProjectReport[];
}

export interface Violation {
  id: number;
  inspection_id: number;
  description: string;
  deadline: string;
  follow_up_status: FollowUpStatus;
  resolved_on: string | null;
  follow_up_note: string | null;
  overdue: boolean;
  version: number;
}

export interface Inspection {
  id: number;
  cluster_id: number;
  project_id: number | null;
  project_name: string | null;
  date: string;
  agency: string;
  scope: InspectionScope[];
  findings: string | null;
  version: number;
  violations: Violation[];
}

export interface SlowProject {
  id: number;
  name: string;
  investor_name: string;
  status: ProjectStatus;
  lease_date: string;
  months_since_lease: number;
  plot_codes: string[];
}

export interface OverdueViolation {
  id: number;
  project_name: string | null;
  inspection_date: string;
  agency: string;
  description: string;
  deadline: string;
  follow_up_status: FollowUpStatus;
  days_overdue: number;
  version: number;
}

export interface MonthlyReview {
  as_of: string;
  months: number;
  slow_projects: SlowProject[];
  overdue_violations: OverdueViolation[];
}

/** What the new-project form sends: the record's identifying fields and its status. */
export type NewProject = Pick<
  Project,
  | 'cluster_id'
  | 'name'
  | 'investor_name'
  | 'capital_origin'
  | 'investor_country'
  | 'industry'
  | 'investment_cert_no'
  | 'investment_cert_date'
  | 'registered_capital_bn_vnd'
  | 'status'
>;

export interface NewInspection {
  cluster_id: number;
  project_id: number | null;
  date: string;
  agency: string;
  scope: InspectionScope[];
  findings: string | null;
  violations: { description: string; deadline: string }[];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.details);
  return body as T;
}

export interface ImportPreview {
  filename: string;
  format: string;
  crs: { epsg?: number; name: string };
  warnings: string[];
  count: number;
  skipped: number;
  fields: { name: string; values: string[]; distinct: number; filled: number; numeric: boolean }[];
  suggested: { code: string; landUse: string | null; planAreaHa: string | null; note: string | null } | null;
  land_use_values: { value: string; land_use: PlotLandUse | null }[];
  features: { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[] };
}

export interface ImportProblem {
  index: number;
  plot_code: string | null;
  code: string;
  message: string;
  details?: { location?: { point?: [number, number] | null } };
}

async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.details);
  return body as T;
}

export const plotsApi = {
  importPreview: (file: File, crs?: number) =>
    postFile<ImportPreview>(`/api/plots/import/preview${crs ? `?crs=${crs}` : ''}`, file),
  importCommit: (body: {
    cluster_id: number;
    filename: string;
    mapping: { code: string; land_use: string | null; plan_area_ha: string | null };
    land_use_values: Record<string, PlotLandUse>;
    default_land_use?: PlotLandUse;
    features: ImportPreview['features']['features'];
  }) => sendJson<{ created: number; codes: string[] }>('POST', '/api/plots/import', body),
  plots: (clusterId: number) => getJson<PlotsCollection>(`/api/plots?cluster_id=${clusterId}`),
  occupancyAll: () => getJson<Occupancy[]>('/api/occupancy'),
  projects: (clusterId: number) => getJson<Project[]>(`/api/projects?cluster_id=${clusterId}`),
  inspections: (clusterId: number) => getJson<Inspection[]>(`/api/inspections?cluster_id=${clusterId}`),
  review: (clusterId: number, months: number) => getJson<MonthlyReview>(`/api/review/monthly?cluster_id=${clusterId}&months=${months}`),
  lease: (plotId: number, body: { version: number; project_id: number; leased_on?: string }) =>
    sendJson<{ plot: PlotFeature; occupancy: Occupancy }>('POST', `/api/plots/${plotId}/lease`, body),
  release: (plotId: number, body: { version: number; released_on?: string }) =>
    sendJson<{ plot: PlotFeature; occupancy: Occupancy }>('POST', `/api/plots/${plotId}/release`, body),
  createProject: (body: NewProject) => sendJson<Project>('POST', '/api/projects', body),
  createInspection: (body: NewInspection) => sendJson<Inspection>('POST', '/api/inspections', body),
  updateViolation: (id: number, body: { version: number; follow_up_status: FollowUpStatus; resolved_on?: string }) =>
    sendJson<Violation>('PATCH', `/api/violations/${id}`, body),
};
