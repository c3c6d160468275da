import { describe, expect, it } from 'vitest';
import { occupancyCheck, summaryTotals, type ProvinceSummary } from './comparison';

const tq: ProvinceSummary = {
  key: 'tuyen-quang', name: 'Tuyên Quang', gso_code: '08', merged_into: null, as_of: null, as_of_label: '2024', source: 'test', note: null,
  figures: [
    { metric: 'clusters_count', value: 5, qualifier: '=', published_text: '5' },
    { metric: 'total_area_ha', value: 300, qualifier: '=', published_text: '300 ha' },
    { metric: 'industrial_land_ha', value: 196, qualifier: '=', published_text: '196 ha' },
    { metric: 'leased_land_ha', value: 108.7, qualifier: '=', published_text: '108,7 ha' },
    { metric: 'occupancy_pct', value: 51.6, qualifier: '=', published_text: '51,6 %' },
    { metric: 'registered_capital_bn_vnd', value: 2300, qualifier: '>', published_text: '> 2.300 tỷ đồng' },
  ],
};

describe('summary data sets', () => {
  it('Tuyên Quang: 108,7 ÷ 196 = 55,46 %, not the published 51,6 % — the computed value is used, the difference stated', () => {
    const c = occupancyCheck(tq);
    expect(c.published).toBe(51.6);
    expect(c.computed).toBeCloseTo(55.4592, 4);
    expect(c.difference).toBeCloseTo(3.8592, 4);
    expect(c.usedSource).toBe('computed');
    expect(summaryTotals(tq).occupancy.pct).toBeCloseTo(55.4592, 4);
  });
  it('a published ratio that cannot be checked is used as published', () => {
    const bg: ProvinceSummary = { ...tq, figures: [{ metric: 'occupancy_pct', value: 40.6, qualifier: '=', published_text: '40,6 %' }] };
    expect(occupancyCheck(bg)).toMatchObject({ used: 40.6, usedSource: 'published', computed: null, difference: null });
  });
  it('totals carry the published amounts and leave the rest unknown', () => {
    const t = summaryTotals(tq);
    expect(t.clusters).toEqual({ count: 5, ha: 300 });
    expect([t.industrialHa, t.occupiedHa, t.capitalBnVnd]).toEqual([196, 108.7, 2300]);
    expect([t.projects, t.workers, t.readyHa, t.withDetailedPlan.count]).toEqual([null, null, null, null]);
  });
});
