/**
 * One cluster's reportable figures at the end of a day, in the legal definitions
 * (DOMAIN.md §2–3): occupancy = industrial land leased or covered by an investment approval
 * ÷ industrial land of the approved detailed plan, from the plots where the cluster has
 * them (computed), else from the typed registry figures — and which one was used.
 */
import { hasDetailedPlan, recordOccupancy } from '../clusters/occupancy';
import type { InvestorType } from '../clusters/record';
import type { ClusterStatus } from '../clusters/status';
import type { CapitalOrigin, ProjectStatus } from '../occupancy/land-use';
import { computeOccupancy, type PlotHolding } from '../occupancy/occupancy';

/** The parts of a cluster record (as of the day) the reports read. */
export interface RecordAsOf {
  name: string;
  status: ClusterStatus;
  investor_name: string | null;
  investor_type: InvestorType | null;
  declared_area_ha: number | null;
  industrial_land_ha: number | null;
  ready_land_ha: number | null;
  leased_land_ha: number | null;
  investment_approved_land_ha?: number | null;
  projects_count: number | null;
  fdi_projects_count: number | null;
  operating_projects_count: number | null;
  registered_capital_bn_vnd: number | null;
  workers: number | null;
  wwtp_built: boolean;
  wwtp_compliant: boolean;
  province_code: string;
  province_code_at_decision?: string | null;
  district_code_at_decision: string | null;
  commune_codes_at_decision: string[];
  commune_codes_current: string[];
  established_on?: string | null;
  detailed_plan_approved_on?: string | null;
}

/** A tenant project at the day: its status then (null = not yet), origin and capital. */
export interface ProjectAsOf {
  status: ProjectStatus | null;
  capital_origin: CapitalOrigin;
  registered_capital_bn_vnd: number | null;
}

/** Figures the projects reported for the period (project_reports), summed over the cluster. */
export interface PeriodReports {
  workers: number | null;
  revenue_bn_vnd: number | null;
  budget_paid_bn_vnd: number | null;
  /** Average monthly income, weighted by workers, million VND. */
  avg_income_mn_vnd: number | null;
}

export interface ClusterSnapshot {
  id: number;
  record: RecordAsOf;
  /** Plots of the detailed plan with the status (at the day) of the project holding each; null = no plots. */
  plots: PlotHolding[] | null;
  /** Tenant projects entered in the registry; null = none entered (typed counts are used). */
  projects: ProjectAsOf[] | null;
  reports: PeriodReports | null;
  /** Establishment date: the record's, else the establishment decision's. */
  established_on: string | null;
}

export type FigureSource = 'computed' | 'typed' | 'none';
export type ExclusionReason = 'no_detailed_plan' | 'no_figures';

export interface ClusterFigures {
  id: number;
  name: string;
  status: ClusterStatus;
  investorName: string | null;
  investorType: InvestorType | null;
  declaredAreaHa: number | null;
  provinceCode: string;
  districtCode: string | null;
  communeCodes: string[];
  establishedOn: string | null;
  hasDetailedPlan: boolean;
  /** Industrial land of the detailed plan, ha (null without a plan or a figure). */
  industrialHa: number | null;
  readyHa: number | null;
  /** Leased or investment-approved industrial land, ha. */
  occupiedHa: number | null;
  occupancyPct: number | null;
  occupancySource: FigureSource;
  /** Why the cluster is left out of an average occupancy (null = it counts). */
  excludedBecause: ExclusionReason | null;
  /** The typed figure's occupancy, shown beside a computed one. */
  typedOccupancyPct: number | null;
  projects: number | null;
  fdiProjects: number | null;
  operatingProjects: number | null;
  capitalBnVnd: number | null;
  projectsSource: FigureSource;
  workers: number | null;
  workersSource: 'reports' | 'typed' | 'none';
  revenueBnVnd: number | null;
  budgetPaidBnVnd: number | null;
  avgIncomeMnVnd: number | null;
  wwtpBuilt: boolean;
  wwtpCompliant: boolean;
}

/** Whether the cluster had an approved detailed plan at the end of `asOf`. */
export function detailedPlanAsOf(r: Pick<RecordAsOf, 'status' | 'detailed_plan_approved_on'>, asOf: string): boolean {
  if (r.status === 'removed_from_plan') return false;
  return hasDetailedPlan(r.status) || (!!r.detailed_plan_approved_on && r.detailed_plan_approved_on <= asOf);
}

/**
 * @example clusterFigures({ id: 1, record: { status: 'operating', industrial_land_ha: 40, leased_land_ha: 10, … },
 *   plots: null, projects: null, reports: null, established_on: null }, '2026-06-14')
 *   // → { occupancyPct: 25, occupancySource: 'typed', excludedBecause: null, … }
 */
export function clusterFigures(s: ClusterSnapshot, asOf: string): ClusterFigures {
  const r = s.record;
  const planned = detailedPlanAsOf(r, asOf);
  const typed = recordOccupancy({
    industrial_land_ha: r.industrial_land_ha,
    leased_land_ha: r.leased_land_ha,
    investment_approved_land_ha: r.investment_approved_land_ha ?? null,
  });
  const computed = s.plots && s.plots.length ? computeOccupancy(s.plots) : null;

  let industrialHa: number | null = null;
  let occupiedHa: number | null = null;
  let pct: number | null = null;
  let source: FigureSource = 'none';
  if (planned && computed && computed.industrialAreaHa > 0) {
    industrialHa = computed.industrialAreaHa;
    occupiedHa = computed.occupiedAreaHa;
    pct = computed.occupancyPct;
    source = 'computed';
  } else if (planned) {
    industrialHa = typed.industrialHa;
    occupiedHa = typed.occupiedHa;
    pct = typed.pct;
    source = typed.pct === null ? 'none' : 'typed';
  }

  const live = s.projects?.filter((p) => p.status !== null && p.status !== 'terminated') ?? null;
  const projectsComputed = live !== null && s.projects!.length > 0;
  const reportsWorkers = s.reports?.workers ?? null;

  return {
    id: s.id,
    name: r.name,
    status: r.status,
    investorName: r.investor_name,
    investorType: r.investor_type,
    declaredAreaHa: r.declared_area_ha,
    provinceCode: r.province_code,
    districtCode: r.district_code_at_decision,
    communeCodes: r.commune_codes_current,
    establishedOn: s.established_on,
    hasDetailedPlan: planned,
    industrialHa,
    readyHa: planned ? r.ready_land_ha : null,
    occupiedHa,
    occupancyPct: pct,
    occupancySource: source,
    excludedBecause: !planned ? 'no_detailed_plan' : pct === null ? 'no_figures' : null,
    typedOccupancyPct: planned ? typed.pct : null,
    projects: projectsComputed ? live.length : r.projects_count,
    fdiProjects: projectsComputed ? live.filter((p) => p.capital_origin === 'fdi').length : r.fdi_projects_count,
    operatingProjects: projectsComputed ? live.filter((p) => p.status === 'operating').length : r.operating_projects_count,
    capitalBnVnd: projectsComputed ? live.reduce((a, p) => a + (p.registered_capital_bn_vnd ?? 0), 0) : r.registered_capital_bn_vnd,
    projectsSource: projectsComputed ? 'computed' : r.projects_count === null ? 'none' : 'typed',
    workers: reportsWorkers ?? r.workers,
    workersSource: reportsWorkers !== null ? 'reports' : r.workers === null ? 'none' : 'typed',
    revenueBnVnd: s.reports?.revenue_bn_vnd ?? null,
    budgetPaidBnVnd: s.reports?.budget_paid_bn_vnd ?? null,
    avgIncomeMnVnd: s.reports?.avg_income_mn_vnd ?? null,
    wwtpBuilt: r.wwtp_built,
    wwtpCompliant: r.wwtp_compliant,
  };
}
