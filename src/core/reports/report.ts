/**
 * The data behind the dashboard and the periodic forms for one province at one day:
 * a registry province (every cluster's figures, grouped) or a summary-only one
 * (published totals). Shared by the server (which loads it) and the browser (which shows it).
 */
import { groupTotals, totals, type Grouping, type Totals } from './aggregate';
import { occupancyCheck, summaryTotals, type OccupancyCheck, type ProvinceSummary } from './comparison';
import { clusterFigures, type ClusterFigures, type ClusterSnapshot } from './figures';
import type { ReportPeriod } from './periods';

/** Land clearance of a cluster at the day (from the parcels of the clearance module). */
export interface Clearance {
  parcels: number;
  handedOver: number;
  areaHa: number;
  handedOverHa: number;
  /** handedOverHa ÷ areaHa × 100 (null without area). */
  pct: number | null;
}

export interface ClusterRow extends ClusterFigures {
  districtName: string | null;
  communeNames: string[];
  clearance: Clearance | null;
}

interface ReportBase {
  province: { key: string; name: string };
  /** null = today's figures (no reporting period). */
  period: ReportPeriod | null;
  /** The day the figures are as of (end of that day, Vietnam time), ISO. */
  asOf: string;
  total: Totals;
}

export interface RegistryReport extends ReportBase {
  kind: 'registry';
  grouping: Grouping;
  clusters: ClusterRow[];
  groups: Totals[];
  /** Whether the clearance module's parcels were available. */
  clearanceAvailable: boolean;
}

export interface SummaryReport extends ReportBase {
  kind: 'summary';
  summary: ProvinceSummary;
  occupancy: OccupancyCheck;
}

export type ProvinceReport = RegistryReport | SummaryReport;

export interface RegistryInput {
  province: { key: string; name: string };
  period: ReportPeriod | null;
  asOf: string;
  grouping: Grouping;
  snapshots: ClusterSnapshot[];
  /** Administrative unit code → display name (districts and communes). */
  unitNames: Readonly<Record<string, string>>;
  /** Cluster id → clearance; undefined when the clearance module is absent. */
  clearance: ReadonlyMap<number, Clearance> | undefined;
}

export function buildRegistryReport(i: RegistryInput): RegistryReport {
  const collator = new Intl.Collator('vi');
  const figures = i.snapshots.map((s) => clusterFigures(s, i.asOf));
  const clusters: ClusterRow[] = figures
    .map((f) => ({
      ...f,
      districtName: f.districtCode ? (i.unitNames[f.districtCode] ?? f.districtCode) : null,
      communeNames: f.communeCodes.map((c) => i.unitNames[c] ?? c),
      clearance: i.clearance?.get(f.id) ?? null,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return {
    kind: 'registry',
    province: i.province,
    period: i.period,
    asOf: i.asOf,
    grouping: i.grouping,
    clusters,
    groups: groupTotals(figures, i.grouping, i.unitNames, i.period),
    total: totals(i.province.key, i.province.name, figures, i.period),
    clearanceAvailable: i.clearance !== undefined,
  };
}

export function buildSummaryReport(s: ProvinceSummary, period: ReportPeriod | null, asOf: string): SummaryReport {
  return {
    kind: 'summary',
    province: { key: s.key, name: s.name },
    period,
    asOf,
    total: summaryTotals(s),
    summary: s,
    occupancy: occupancyCheck(s),
  };
}
