/**
 * Totals of clusters by administrative unit (Biểu 03 per commune / formerly district,
 * Biểu 04 for the province) and the average occupancy in the legal way: Σ leased or
 * investment-approved industrial land ÷ Σ industrial land of the approved detailed plans,
 * over the clusters that have a detailed plan and figures; the others are listed as excluded.
 */
import { CLUSTER_STATUSES, type ClusterStatus } from '../clusters/status';
import type { ClusterFigures, ExclusionReason } from './figures';
import { inPeriod, type ReportPeriod } from './periods';

/** How clusters are grouped: unit at decision time (legacy district) or current units. */
export type Grouping = 'district' | 'commune' | 'province';
export const GROUPINGS: readonly Grouping[] = ['district', 'commune', 'province'];

export interface CountHa {
  count: number | null;
  ha: number | null;
}

export interface Excluded {
  id: number;
  name: string;
  reason: ExclusionReason;
}

/** Totals of a group; null = not known (summary-only data sets). */
export interface Totals {
  key: string;
  name: string;
  /** Every cluster of the registry not removed from the plan (including proposed ones). */
  clusters: CountHa;
  inPlan: CountHa;
  byStatus: Partial<Record<ClusterStatus, CountHa>>;
  establishedInPeriod: CountHa;
  established: CountHa;
  enterpriseInvestor: CountHa;
  stateInvestor: CountHa;
  withDetailedPlan: CountHa;
  withInfrastructure: CountHa;
  operating: CountHa;
  industrialHa: number | null;
  readyHa: number | null;
  occupiedHa: number | null;
  occupancy: {
    pct: number | null;
    occupiedHa: number | null;
    industrialHa: number | null;
    included: number | null;
    excluded: Excluded[];
  };
  projects: number | null;
  fdiProjects: number | null;
  operatingProjects: number | null;
  capitalBnVnd: number | null;
  workers: number | null;
  wwtpBuilt: number | null;
  wwtpCompliant: number | null;
}

const idx = (s: ClusterStatus) => CLUSTER_STATUSES.indexOf(s);
/** Reached a lifecycle stage and still in the plan (expanded/adjusted come after operating). */
export const reached = (s: ClusterStatus, stage: ClusterStatus): boolean => s !== 'removed_from_plan' && idx(s) >= idx(stage);

/** The group a cluster falls in; a cluster spanning communes is counted in its first (lead) commune. */
export function groupKey(f: ClusterFigures, g: Grouping): string {
  if (g === 'district') return f.districtCode ?? '';
  if (g === 'commune') return f.communeCodes[0] ?? '';
  return f.provinceCode;
}

const add = (c: CountHa, ha: number | null) => {
  c.count = (c.count ?? 0) + 1;
  c.ha = (c.ha ?? 0) + (ha ?? 0);
};
const zero = (): CountHa => ({ count: 0, ha: 0 });
const sum = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

/**
 * Totals of one group of clusters. `period` decides "established this period".
 * @example totals('20', 'Lạng Sơn', figures, reportPeriod('half', 2026)).occupancy.pct
 */
export function totals(key: string, name: string, clusters: readonly ClusterFigures[], period: ReportPeriod | null): Totals {
  const t: Totals = {
    key, name, clusters: zero(), inPlan: zero(), byStatus: {}, establishedInPeriod: zero(), established: zero(),
    enterpriseInvestor: zero(), stateInvestor: zero(), withDetailedPlan: zero(), withInfrastructure: zero(), operating: zero(),
    industrialHa: 0, readyHa: 0, occupiedHa: 0,
    occupancy: { pct: null, occupiedHa: 0, industrialHa: 0, included: 0, excluded: [] },
    projects: 0, fdiProjects: 0, operatingProjects: 0, capitalBnVnd: 0, workers: 0, wwtpBuilt: 0, wwtpCompliant: 0,
  };
  for (const f of clusters) {
    const ha = f.declaredAreaHa;
    add((t.byStatus[f.status] ??= zero()), ha);
    if (f.status === 'removed_from_plan') continue;
    add(t.clusters, ha);
    if (reached(f.status, 'in_plan')) add(t.inPlan, ha);
    if (reached(f.status, 'established')) add(t.established, ha);
    if (period && reached(f.status, 'established') && inPeriod(period, f.establishedOn)) add(t.establishedInPeriod, ha);
    if (f.investorType === 'enterprise' && f.investorName) add(t.enterpriseInvestor, ha);
    if (f.investorType === 'state' && f.investorName) add(t.stateInvestor, ha);
    if (f.hasDetailedPlan) add(t.withDetailedPlan, ha);
    if (reached(f.status, 'infrastructure_construction')) add(t.withInfrastructure, ha);
    if (reached(f.status, 'operating')) add(t.operating, ha);
    if (f.hasDetailedPlan) {
      t.industrialHa = sum(t.industrialHa, f.industrialHa);
      t.readyHa = sum(t.readyHa, f.readyHa);
      t.occupiedHa = sum(t.occupiedHa, f.occupiedHa);
    }
    if (f.excludedBecause === null && f.industrialHa !== null && f.occupiedHa !== null) {
      t.occupancy.occupiedHa! += f.occupiedHa;
      t.occupancy.industrialHa! += f.industrialHa;
      t.occupancy.included! += 1;
    } else {
      t.occupancy.excluded.push({ id: f.id, name: f.name, reason: f.excludedBecause ?? 'no_figures' });
    }
    t.projects = sum(t.projects, f.projects);
    t.fdiProjects = sum(t.fdiProjects, f.fdiProjects);
    t.operatingProjects = sum(t.operatingProjects, f.operatingProjects);
    t.capitalBnVnd = sum(t.capitalBnVnd, f.capitalBnVnd);
    t.workers = sum(t.workers, f.workers);
    if (f.wwtpBuilt) t.wwtpBuilt! += 1;
    if (f.wwtpCompliant) t.wwtpCompliant! += 1;
  }
  const o = t.occupancy;
  o.pct = o.industrialHa! > 0 ? (100 * o.occupiedHa!) / o.industrialHa! : null;
  return t;
}

/**
 * Totals per group, ordered by name (Vietnamese collation); `names` gives each unit's name.
 * Clusters without a unit form a group with key ''.
 */
export function groupTotals(
  clusters: readonly ClusterFigures[],
  grouping: Grouping,
  names: Readonly<Record<string, string>>,
  period: ReportPeriod | null,
): Totals[] {
  const groups = new Map<string, ClusterFigures[]>();
  for (const f of clusters) {
    const k = groupKey(f, grouping);
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  const collator = new Intl.Collator('vi');
  return [...groups.entries()]
    .map(([k, list]) => totals(k, names[k] ?? (k || '—'), list, period))
    .sort((a, b) => collator.compare(a.name, b.name));
}
