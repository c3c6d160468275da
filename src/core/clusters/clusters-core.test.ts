import { describe, expect, it } from 'vitest';
import { validateDecision } from './decisions';
import { hasDetailedPlan, recordOccupancy } from './occupancy';
import { changedFields, pickRecord, type ClusterRecord } from './record';
import { reconcileAreas } from './reconcile';
import { EMPTY_FILTER, filterClusters, matchesQuery, type SearchableCluster } from './search';
import { validateClusterRecord } from './validate';

const base: ClusterRecord = pickRecord({
  name: 'Cụm công nghiệp Đình Lập',
  status: 'investor_selection',
  declared_area_ha: 71.39,
  commune_codes_at_decision: ['06613'],
  commune_codes_current: ['06613'],
});

describe('validateClusterRecord', () => {
  it('accepts the seeded record', () => {
    expect(validateClusterRecord(base)).toEqual([]);
  });

  it('refuses a negative area, naming the field', () => {
    const e = validateClusterRecord({ ...base, declared_area_ha: -5 });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ field: 'declared_area_ha', code: 'negative' });
    expect(e[0]!.vi).toBe('Diện tích theo quyết định (ha): không được là số âm (đã nhập -5,00)');
    expect(e[0]!.en).toContain('Declared area (ha)');
  });

  it('refuses leased land above industrial land', () => {
    const e = validateClusterRecord({ ...base, industrial_land_ha: 50, leased_land_ha: 60 });
    expect(e.map((x) => [x.field, x.code])).toEqual([['leased_land_ha', 'exceeds']]);
    expect(e[0]!.vi).toBe('Đất đã cho thuê (ha): 60,00 ha lớn hơn đất công nghiệp (50,00 ha)');
  });

  it('refuses leased + investment-approved land above industrial land, and industrial above declared', () => {
    expect(validateClusterRecord({ ...base, industrial_land_ha: 50, leased_land_ha: 30, investment_approved_land_ha: 25 })[0]?.field).toBe(
      'investment_approved_land_ha',
    );
    expect(validateClusterRecord({ ...base, industrial_land_ha: 80 })[0]?.field).toBe('industrial_land_ha');
  });

  it('refuses malformed and impossible dates, and dates out of order', () => {
    for (const bad of ['2023-02-30', '23/03/2022', 'abc']) {
      const e = validateClusterRecord({ ...base, established_on: bad });
      expect(e.map((x) => [x.field, x.code]), bad).toEqual([['established_on', 'invalid_date']]);
    }
    expect(validateClusterRecord({ ...base, established_on: '2023-06-02', detailed_plan_approved_on: '2023-01-01' })[0]?.code).toBe('date_order');
    expect(validateClusterRecord({ ...base, figures_as_of: '2099-01-01' }, '2026-11-21')[0]?.code).toBe('future_date');
  });

  it('checks counts, the wastewater flags, names and codes', () => {
    const e = validateClusterRecord({
      ...base,
      name: '  ',
      projects_count: 3,
      fdi_projects_count: 4,
      workers: 2.5,
      wwtp_compliant: true,
      district_code_at_decision: "1'; DROP",
    });
    expect(e.map((x) => x.field).sort()).toEqual(['district_code_at_decision', 'fdi_projects_count', 'name', 'workers', 'wwtp_compliant']);
  });

  it('lists the fields an edit changes', () => {
    expect(changedFields(base, { ...base, workers: 10, industries: ['Cơ khí'] })).toEqual(['industries', 'workers']);
  });
});

describe('recordOccupancy (legal definition)', () => {
  it('divides leased + investment-approved land by industrial land, not by the gross area', () => {
    const o = recordOccupancy({ industrial_land_ha: 48.5, leased_land_ha: 26.9, investment_approved_land_ha: 3.1, status: 'operating' });
    expect(o.occupiedHa).toBeCloseTo(30, 9);
    expect(o.pct).toBeCloseTo(61.8557, 3);
  });
  it('is null without a detailed plan, without industrial land or without figures', () => {
    expect(recordOccupancy({ industrial_land_ha: 48.5, leased_land_ha: 20, status: 'established' }).pct).toBeNull();
    expect(recordOccupancy({ industrial_land_ha: null, leased_land_ha: 20 }).pct).toBeNull();
    expect(recordOccupancy({ industrial_land_ha: 0, leased_land_ha: 0 }).pct).toBeNull();
    expect(recordOccupancy({ industrial_land_ha: 40, leased_land_ha: null }).pct).toBeNull();
  });
  it('knows which statuses have an approved detailed plan', () => {
    expect(['detailed_plan_approved', 'infrastructure_construction', 'operating', 'expanded', 'adjusted'].every((s) => hasDetailedPlan(s as never))).toBe(true);
    expect(['proposed', 'in_plan', 'established', 'removed_from_plan'].some((s) => hasDetailedPlan(s as never))).toBe(false);
  });
});

describe('reconcileAreas', () => {
  it('flags a computed area beyond the tolerance (default 0,05 ha)', () => {
    const r = reconcileAreas(71.39, 71.3904, 71.3792);
    expect(r.toleranceHa).toBe(0.05);
    expect(r.plane).toEqual({ diffHa: 0.0004, flagged: false });
    expect(r.ellipsoidal).toEqual({ diffHa: -0.0108, flagged: false });
    expect(r.planeVsEllipsoidalHa).toBe(-0.0112);
    expect(reconcileAreas(71.39, 71.5, 71.45).plane.flagged).toBe(true);
    expect(reconcileAreas(71.39, 71.5, 71.45, 0.2).plane.flagged).toBe(false);
    expect(reconcileAreas(null, 50, 50).plane).toEqual({ diffHa: null, flagged: false });
    expect(() => reconcileAreas(1, 1, 1, -1)).toThrow(RangeError);
  });
});

describe('search and filters', () => {
  const list: SearchableCluster[] = [
    { name: 'Cụm công nghiệp Đình Lập', status: 'investor_selection', investor_name: 'An Phú Hưng', investor_type: 'enterprise', district_code_at_decision: '189', district_name: 'Đình Lập', commune_codes_at_decision: ['06613'], commune_names: ['Thị trấn Đình Lập'] },
    { name: 'Cụm công nghiệp Hòa Sơn 1', status: 'in_plan', investor_name: null, investor_type: null, district_code_at_decision: '187', district_name: 'Hữu Lũng', commune_codes_at_decision: ['06445'], commune_names: ['Xã Hòa Sơn'] },
    { name: 'Cụm công nghiệp Hồ Sơn 1', status: 'established', investor_name: null, investor_type: 'enterprise', district_code_at_decision: '187', district_name: 'Hữu Lũng', commune_codes_at_decision: ['06451', '06427'], commune_names: ['Xã Cai Kinh', 'Xã Hồ Sơn'] },
  ];
  const names = (f: Partial<typeof EMPTY_FILTER>) => filterClusters(list, { ...EMPTY_FILTER, ...f }).map((c) => c.name);
  it('finds with or without diacritics', () => {
    expect(names({ q: 'dinh lap' })).toEqual(['Cụm công nghiệp Đình Lập']);
    expect(names({ q: 'Đình Lập' })).toEqual(['Cụm công nghiệp Đình Lập']);
    expect(names({ q: 'DINH' })).toEqual(['Cụm công nghiệp Đình Lập']);
    expect(names({ q: 'son 1' })).toHaveLength(2);
    expect(names({ q: 'huu lung' })).toHaveLength(2);
    expect(names({ q: 'xyz' })).toEqual([]);
    expect(matchesQuery(['Hòa Sơn'], '')).toBe(true);
  });
  it('filters by status, district, commune and investor type', () => {
    expect(names({ status: 'in_plan' })).toEqual(['Cụm công nghiệp Hòa Sơn 1']);
    expect(names({ district: '187' })).toHaveLength(2);
    expect(names({ commune: '06427' })).toEqual(['Cụm công nghiệp Hồ Sơn 1']);
    expect(names({ investorType: 'none' })).toEqual(['Cụm công nghiệp Hòa Sơn 1']);
    expect(names({ investorType: 'enterprise', district: '187' })).toEqual(['Cụm công nghiệp Hồ Sơn 1']);
  });
});

describe('validateDecision', () => {
  it('names each bad field', () => {
    expect(validateDecision({ number: '', date: '2022-02-30', issuer: 'UBND', kind: 'x', legal_regime: null, summary: null }).map((e) => e.field)).toEqual([
      'number',
      'date',
      'kind',
    ]);
  });
});
