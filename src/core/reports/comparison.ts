/**
 * Summary-only province data sets (published aggregate figures, DOMAIN.md §3) as report
 * totals, and the check of each published ratio against what the published amounts imply:
 * where they disagree the computed value is used and the difference is stated.
 */
import type { Totals } from './aggregate';

export const SUMMARY_METRICS = [
  'clusters_count',
  'clusters_state_invested',
  'clusters_enterprise_invested',
  'total_area_ha',
  'operating_clusters',
  'industrial_land_ha',
  'leased_land_ha',
  'occupancy_pct',
  'projects_count',
  'operating_projects_count',
  'workers',
  'registered_capital_bn_vnd',
] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export type Qualifier = '=' | '≈' | '>' | '<';

export interface PublishedFigure {
  metric: SummaryMetric;
  value: number;
  qualifier: Qualifier;
  /** As printed in the source, e.g. "40,6 %". */
  published_text: string;
}

export interface ProvinceSummary {
  key: string;
  name: string;
  gso_code: string | null;
  merged_into: string | null;
  as_of: string | null;
  as_of_label: string;
  source: string;
  note: string | null;
  figures: PublishedFigure[];
}

export interface OccupancyCheck {
  published: number | null;
  /** Leased ÷ industrial land × 100 from the published amounts; null when one is missing. */
  computed: number | null;
  /** computed − published, percentage points (null unless both exist). */
  difference: number | null;
  /** The value the report shows: the computed one when it exists. */
  used: number | null;
  usedSource: 'computed' | 'published' | 'none';
}

const get = (s: ProvinceSummary, m: SummaryMetric): number | null => s.figures.find((f) => f.metric === m)?.value ?? null;

/**
 * Tuyên Quang: published 51,6 %, but 108,7 ha ÷ 196 ha = 55,46 % → used 55,46, difference +3,86 points.
 * @example occupancyCheck(tuyenQuang) // → { published: 51.6, computed: 55.459…, difference: 3.859…, used: 55.459…, usedSource: 'computed' }
 */
export function occupancyCheck(s: ProvinceSummary): OccupancyCheck {
  const published = get(s, 'occupancy_pct');
  const industrial = get(s, 'industrial_land_ha');
  const leased = get(s, 'leased_land_ha');
  const computed = industrial !== null && leased !== null && industrial > 0 ? (100 * leased) / industrial : null;
  return {
    published,
    computed,
    difference: computed !== null && published !== null ? computed - published : null,
    used: computed ?? published,
    usedSource: computed !== null ? 'computed' : published !== null ? 'published' : 'none',
  };
}

/** The published figures as report totals; what the source does not give stays null. */
export function summaryTotals(s: ProvinceSummary): Totals {
  const n = (m: SummaryMetric) => get(s, m);
  const occ = occupancyCheck(s);
  const clusters = { count: n('clusters_count'), ha: n('total_area_ha') };
  const unknown = { count: null, ha: null };
  return {
    key: s.key,
    name: s.name,
    clusters,
    // The published cluster count is the clusters in the province's plan.
    inPlan: clusters,
    byStatus: {},
    establishedInPeriod: unknown,
    established: unknown,
    enterpriseInvestor: { count: n('clusters_enterprise_invested'), ha: null },
    stateInvestor: { count: n('clusters_state_invested'), ha: null },
    withDetailedPlan: unknown,
    withInfrastructure: unknown,
    operating: { count: n('operating_clusters'), ha: null },
    industrialHa: n('industrial_land_ha'),
    readyHa: null,
    occupiedHa: n('leased_land_ha'),
    occupancy: { pct: occ.used, occupiedHa: n('leased_land_ha'), industrialHa: n('industrial_land_ha'), included: null, excluded: [] },
    projects: n('projects_count'),
    fdiProjects: null,
    operatingProjects: n('operating_projects_count'),
    capitalBnVnd: n('registered_capital_bn_vnd'),
    workers: n('workers'),
    wwtpBuilt: null,
    wwtpCompliant: null,
  };
}
