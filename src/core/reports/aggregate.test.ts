import { describe, expect, it } from 'vitest';
import { groupTotals, totals } from './aggregate';
import { clusterFigures, type ClusterSnapshot, type RecordAsOf } from './figures';
import { reportPeriod } from './periods';

const AS_OF = '2026-06-14';
const H1 = reportPeriod('half', 2026);

const rec = (x: Partial<RecordAsOf>): RecordAsOf => ({
  name: 'X', status: 'operating', investor_name: null, investor_type: null, declared_area_ha: null, industrial_land_ha: null,
  ready_land_ha: null, leased_land_ha: null, investment_approved_land_ha: null, projects_count: null, fdi_projects_count: null,
  operating_projects_count: null, registered_capital_bn_vnd: null, workers: null, wwtp_built: false, wwtp_compliant: false,
  province_code: '20', district_code_at_decision: 'D1', commune_codes_at_decision: [], commune_codes_current: ['C1'],
  established_on: null, detailed_plan_approved_on: null, ...x,
});
const snap = (id: number, record: RecordAsOf, extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot => ({
  id, record, plots: null, projects: null, reports: null, established_on: record.established_on ?? null, ...extra,
});

// Hand-computed fixture (ha):
//  A  operating, typed: industrial 40, leased 10 + investment-approved 2 = 12          → 30 %
//  B  operating, plots: industrial 3 (held by an operating project) + 1 (vacant), roads 2;
//     typed figures (industrial 10, leased 1) are ignored because plots exist           → 3/4 = 75 %
//  C  established, NO detailed plan: typed 15 / 5                                       → excluded
//  D  detailed plan approved, industrial 20, no leased figure                           → excluded (no figures)
//  E  removed from the plan                                                             → not counted
//  Province average = (12 + 3) / (40 + 4) = 15 / 44 = 34,0909… %
//  (the mean of the two percentages would be 52,5 %, ÷ gross area 15 / 80 = 18,75 %: both wrong)
const A = snap(1, rec({ name: 'A', investor_type: 'enterprise', investor_name: 'Cty A', declared_area_ha: 50, industrial_land_ha: 40,
  leased_land_ha: 10, investment_approved_land_ha: 2, ready_land_ha: 30, projects_count: 5, fdi_projects_count: 2,
  operating_projects_count: 4, registered_capital_bn_vnd: 300, workers: 1000, wwtp_built: true, wwtp_compliant: true }));
const B = snap(2, rec({ name: 'B', investor_type: 'state', investor_name: 'BQL huyện', declared_area_ha: 30, industrial_land_ha: 10,
  leased_land_ha: 1, workers: 50, wwtp_built: true, established_on: '2026-01-10' }), {
  plots: [
    { landUse: 'industrial', areaHa: 3, projectStatus: 'operating' },
    { landUse: 'industrial', areaHa: 1, projectStatus: null },
    { landUse: 'roads', areaHa: 2, projectStatus: null },
  ],
  projects: [
    { status: 'operating', capital_origin: 'fdi', registered_capital_bn_vnd: 100 },
    { status: 'approved', capital_origin: 'domestic', registered_capital_bn_vnd: 20 },
    { status: 'terminated', capital_origin: 'domestic', registered_capital_bn_vnd: 999 },
    { status: null, capital_origin: 'fdi', registered_capital_bn_vnd: 500 },
  ],
  reports: { workers: 420, revenue_bn_vnd: 12.5, budget_paid_bn_vnd: 1.5, avg_income_mn_vnd: 8 },
});
const C = snap(3, rec({ name: 'C', status: 'established', district_code_at_decision: 'D2', commune_codes_current: ['C3'],
  declared_area_ha: 20, industrial_land_ha: 15, leased_land_ha: 5, established_on: '2025-12-15' }));
const D = snap(4, rec({ name: 'D', status: 'detailed_plan_approved', district_code_at_decision: 'D2', commune_codes_current: ['C3'],
  declared_area_ha: 25, industrial_land_ha: 20 }));
const E = snap(5, rec({ name: 'E', status: 'removed_from_plan', declared_area_ha: 10, industrial_land_ha: 8, leased_land_ha: 8 }));
const figures = [A, B, C, D, E].map((s) => clusterFigures(s, AS_OF));

describe('clusterFigures', () => {
  it('typed occupancy counts investment-approved land with the leased land', () => {
    expect(figures[0]).toMatchObject({ industrialHa: 40, occupiedHa: 12, occupancyPct: 30, occupancySource: 'typed', excludedBecause: null });
  });
  it('computed occupancy from plots replaces the typed one, and says so', () => {
    expect(figures[1]).toMatchObject({ industrialHa: 4, occupiedHa: 3, occupancyPct: 75, occupancySource: 'computed', typedOccupancyPct: 10 });
  });
  it('projects from the project list (not yet existing and terminated ones left out), workers from the period’s reports', () => {
    expect(figures[1]).toMatchObject({ projects: 2, fdiProjects: 1, operatingProjects: 1, capitalBnVnd: 120, projectsSource: 'computed' });
    expect(figures[1]).toMatchObject({ workers: 420, workersSource: 'reports', revenueBnVnd: 12.5 });
    expect(figures[0]).toMatchObject({ projects: 5, projectsSource: 'typed', workers: 1000, workersSource: 'typed' });
  });
  it('a cluster with no detailed plan has no occupancy and is marked excluded', () => {
    expect(figures[2]).toMatchObject({ hasDetailedPlan: false, occupancyPct: null, industrialHa: null, excludedBecause: 'no_detailed_plan' });
    expect(figures[3]).toMatchObject({ hasDetailedPlan: true, industrialHa: 20, occupancyPct: null, excludedBecause: 'no_figures' });
  });
  it('a detailed plan approved by the day counts even before the status says so', () => {
    const f = clusterFigures(snap(9, rec({ status: 'established', detailed_plan_approved_on: '2026-06-14', industrial_land_ha: 10, leased_land_ha: 4 })), AS_OF);
    expect(f).toMatchObject({ hasDetailedPlan: true, occupancyPct: 40 });
    expect(clusterFigures(snap(9, rec({ status: 'established', detailed_plan_approved_on: '2026-06-15', industrial_land_ha: 10 })), AS_OF).hasDetailedPlan).toBe(false);
  });
});

describe('totals (province, Biểu 04)', () => {
  const t = totals('20', 'Lạng Sơn', figures, H1);
  it('average occupancy = Σ occupied ÷ Σ industrial land of clusters with a detailed plan and figures', () => {
    expect(t.occupancy.occupiedHa).toBe(15);
    expect(t.occupancy.industrialHa).toBe(44);
    expect(t.occupancy.pct).toBeCloseTo(34.0909, 4);
    expect(t.occupancy.included).toBe(2);
  });
  it('lists the excluded clusters with the reason (removed ones are not clusters at all)', () => {
    expect(t.occupancy.excluded).toEqual([
      { id: 3, name: 'C', reason: 'no_detailed_plan' },
      { id: 4, name: 'D', reason: 'no_figures' },
    ]);
  });
  it('counts and hectares by stage', () => {
    expect(t.clusters).toEqual({ count: 4, ha: 125 });
    expect(t.byStatus.removed_from_plan).toEqual({ count: 1, ha: 10 });
    expect(t.byStatus.operating).toEqual({ count: 2, ha: 80 });
    expect(t.established).toEqual({ count: 4, ha: 125 });
    expect(t.establishedInPeriod).toEqual({ count: 2, ha: 50 }); // B 10/01/2026, C 15/12/2025 (first day)
    expect(t.withDetailedPlan).toEqual({ count: 3, ha: 105 });
    expect(t.operating).toEqual({ count: 2, ha: 80 });
    expect(t.enterpriseInvestor).toEqual({ count: 1, ha: 50 });
    expect(t.stateInvestor).toEqual({ count: 1, ha: 30 });
  });
  it('land, projects, workers, plants', () => {
    expect(t.industrialHa).toBe(64); // A 40 + B 4 + D 20 (C has no plan)
    expect(t.readyHa).toBe(30);
    expect(t.occupiedHa).toBe(15);
    expect([t.projects, t.fdiProjects, t.operatingProjects, t.capitalBnVnd]).toEqual([7, 3, 5, 420]);
    expect(t.workers).toBe(1420);
    expect([t.wwtpBuilt, t.wwtpCompliant]).toEqual([2, 1]);
  });
});

describe('groupTotals (Biểu 03)', () => {
  it('by legacy district at decision time', () => {
    const g = groupTotals(figures, 'district', { D1: 'Huyện Hữu Lũng', D2: 'Huyện Chi Lăng' }, H1);
    expect(g.map((x) => [x.name, x.clusters.count, x.occupancy.pct === null ? null : Math.round(x.occupancy.pct * 100) / 100])).toEqual([
      ['Huyện Chi Lăng', 2, null],
      ['Huyện Hữu Lũng', 3 - 1, 34.09],
    ]);
    expect(g[0]!.occupancy.excluded.map((e) => e.reason)).toEqual(['no_detailed_plan', 'no_figures']);
  });
  it('by current commune (a cluster counts in its lead commune)', () => {
    const g = groupTotals(figures, 'commune', { C1: 'Xã Một', C3: 'Xã Ba' }, H1);
    expect(g.map((x) => [x.key, x.clusters.count])).toEqual([
      ['C3', 2],
      ['C1', 2],
    ]);
  });
});
