import { describe, expect, it } from 'vitest';
import { evaluateRules } from './evaluate';
import { occupancyPct } from './occupancy.rules';
import { AMENDMENT_2026_UNVERIFIED, ruleSetOn } from './rule-sets';
import type { OccupancyFigures, RuleInput, RuleResult } from './types';

const base: RuleInput = {
  date: '2025-01-15',
  kind: 'new',
  areaHa: 71.39,
  mountainous: false,
  craftVillage: false,
  residentialOverlapHa: 0,
};
const rule = (input: Partial<RuleInput>, id: RuleResult['ruleId'], set?: string) =>
  evaluateRules({ ...base, ...input }, set).results.find((r) => r.ruleId === id)!;

describe('rule sets by date', () => {
  it('picks the regime in force on the date', () => {
    expect(ruleSetOn('2024-04-30')).toBeUndefined();
    expect(ruleSetOn('2024-05-01')!.id).toBe('nd32-2024');
    expect(ruleSetOn('2025-06-30')!.id).toBe('nd32-2024');
    expect(ruleSetOn('2025-07-01')!.id).toBe('nd32-2024-reform-2025');
    // The unverified 2026 amendment is never chosen by date, only by name.
    expect(ruleSetOn('2027-01-01')!.id).toBe('nd32-2024-reform-2025');
    expect(ruleSetOn('2027-01-01', AMENDMENT_2026_UNVERIFIED.id)!.verified).toBe(false);
  });

  it('refuses a date before Decree 32/2024 and an unknown rule set', () => {
    expect(() => evaluateRules({ ...base, date: '2023-01-01' })).toThrow(/2024-05-01/);
    expect(() => evaluateRules(base, 'nope')).toThrow(/Unknown rule set/);
  });

  it('every result names its rule, article, regime and numbers', () => {
    const ev = evaluateRules({ ...base, date: '2025-08-01' });
    expect(ev.results.map((r) => r.ruleId)).toEqual([
      'area_band', 'area_change', 'no_residents', 'occupancy_new', 'expansion', 'safety_residential', 'safety_relics', 'safety_water',
    ]);
    for (const r of ev.results) {
      expect(r.article.vi).toContain('Nghị định 32/2024/NĐ-CP');
      expect(r.regime.id).toBe('nd32-2024-reform-2025');
      expect(r.regime.effectiveFrom).toBe('2025-07-01');
      expect(Object.keys(r.numbers).length).toBeGreaterThan(0);
    }
  });
});

describe('area band (Art. 2.1)', () => {
  it('71,39 ha in a mountainous district passes', () => {
    const r = rule({ areaHa: 71.39, mountainous: true }, 'area_band');
    expect(r.status).toBe('pass');
    expect(r.numbers).toMatchObject({ area_ha: 71.39, min_ha: 5, max_ha: 75 });
    expect(r.message.vi).toContain('71,39 ha');
  });

  it('80 ha fails citing Điều 2', () => {
    const r = rule({ areaHa: 80, mountainous: true }, 'area_band');
    expect(r.status).toBe('fail');
    expect(r.article.vi).toContain('Điều 2');
    expect(r.article.article).toBe('Art. 2.1');
    expect(r.message.vi).toContain('75,00 ha');
  });

  it('4,5 ha fails even in a mountainous district; 6 ha passes only with the flag', () => {
    expect(rule({ areaHa: 4.5, mountainous: true }, 'area_band').status).toBe('fail');
    expect(rule({ areaHa: 4.5 }, 'area_band').status).toBe('fail');
    expect(rule({ areaHa: 6 }, 'area_band').status).toBe('fail');
    expect(rule({ areaHa: 6 }, 'area_band').notes[0]!.en).toContain('mountainous');
    expect(rule({ areaHa: 6, mountainous: true }, 'area_band').status).toBe('pass');
    expect(rule({ areaHa: 6, craftVillage: true }, 'area_band').status).toBe('pass');
  });

  it('compares the area as decisions state it (0,01 ha)', () => {
    expect(rule({ areaHa: 75.004 }, 'area_band').status).toBe('pass');
    expect(rule({ areaHa: 75.006 }, 'area_band').status).toBe('fail');
    expect(rule({ areaHa: 9.996 }, 'area_band').status).toBe('pass');
  });

  it('the unverified 2026 set allows 5 ha everywhere', () => {
    expect(rule({ areaHa: 6, date: '2026-06-01' }, 'area_band', AMENDMENT_2026_UNVERIFIED.id).status).toBe('pass');
  });
});

describe('change against the plan (Art. 10.4)', () => {
  it('allows at most +5 ha', () => {
    expect(rule({ areaHa: 75, plannedAreaHa: 70 }, 'area_change').status).toBe('pass');
    expect(rule({ areaHa: 75.01, plannedAreaHa: 70 }, 'area_change').status).toBe('fail');
    expect(rule({ areaHa: 60, plannedAreaHa: 70 }, 'area_change').status).toBe('pass');
    expect(rule({ areaHa: 75.01, plannedAreaHa: 70 }, 'area_change').numbers.change_ha).toBe(5.01);
  });
  it('does not apply without a planned area or to an expansion', () => {
    expect(rule({ plannedAreaHa: null }, 'area_change').status).toBe('not_applicable');
    expect(rule({ plannedAreaHa: 50, kind: 'expansion' }, 'area_change').status).toBe('not_applicable');
  });
});

describe('no residents (Art. 2.1)', () => {
  it('fails with residential land inside, warns on a sliver, passes without', () => {
    const r = rule({ residentialOverlapHa: 1.234, residentialFeatures: ['Khu dân cư A'] }, 'no_residents');
    expect(r.status).toBe('fail');
    expect(r.message.vi).toContain('1,23 ha');
    expect(r.notes[0]!.vi).toContain('Khu dân cư A');
    expect(rule({ residentialOverlapHa: 0.004 }, 'no_residents').status).toBe('warn');
    expect(rule({ residentialOverlapHa: 0 }, 'no_residents').status).toBe('pass');
  });
});

const peer = (name: string, industrial: number | null, occupied: number | null, plan = true): OccupancyFigures => ({
  clusterId: name.length, name, industrialLandHa: industrial, occupiedHa: occupied, hasDetailedPlan: plan, source: 'registry',
});
const scopeLabel = { vi: 'huyện Hữu Lũng', en: 'Hữu Lũng district' };

describe('occupancy for a new cluster (Art. 8.1c)', () => {
  it('uses leased ÷ industrial land of the detailed plan, not gross area', () => {
    expect(occupancyPct(peer('A', 40, 30))).toBe(75);
    expect(occupancyPct(peer('B', null, 10))).toBeNull();
    expect(occupancyPct(peer('C', 40, 30, false))).toBeNull();
  });

  it('passes on average > 50 %', () => {
    const r = rule({ occupancy: { scopeLabel, peers: [peer('A', 100, 80), peer('B', 100, 30)] } }, 'occupancy_new');
    expect(r.status).toBe('pass');
    expect(r.numbers).toMatchObject({ average_pct: 55, unleased_ha: 90, clusters_counted: 2 });
  });

  it('passes on unleased ≤ 100 ha even with a low average, fails when both miss', () => {
    expect(rule({ occupancy: { scopeLabel, peers: [peer('A', 60, 10), peer('B', 40, 10)] } }, 'occupancy_new').status).toBe('pass');
    const r = rule({ occupancy: { scopeLabel, peers: [peer('A', 100, 20), peer('B', 100, 40)] } }, 'occupancy_new');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ average_pct: 30, unleased_ha: 140 });
    expect(r.article.vi).toContain('Điều 8');
  });

  it('excludes clusters without a detailed plan and says so', () => {
    const r = rule({ occupancy: { scopeLabel, peers: [peer('A', 100, 80), peer('Không QH', null, null, false)] } }, 'occupancy_new');
    expect(r.status).toBe('pass');
    expect(r.numbers.clusters_excluded).toBe(1);
    expect(r.notes.map((n) => n.vi).join(' ')).toContain('Không QH');
    const none = rule({ occupancy: { scopeLabel, peers: [peer('X', null, null, false)] } }, 'occupancy_new');
    expect(none.status).toBe('warn');
  });

  it('passes where the area has no cluster; compares within the former district after the reform', () => {
    expect(rule({ occupancy: { scopeLabel, peers: [] } }, 'occupancy_new').status).toBe('pass');
    const after = rule({ date: '2025-07-01', occupancy: { scopeLabel, peers: [] } }, 'occupancy_new');
    expect(after.numbers.scope).toBe('former_district');
    expect(after.notes[0]!.vi).toContain('tỉnh');
  });
});

describe('expansion (Art. 8.2)', () => {
  const infra = { roads: true, waterSupply: true, wastewater: true };
  it('passes with ≥ 60 %, ≤ 75 ha and the infrastructure done', () => {
    const r = rule({ kind: 'expansion', areaHa: 70, expansion: { currentAreaHa: 50, occupancy: peer('A', 40, 26), infrastructure: infra } }, 'expansion');
    expect(r.status).toBe('pass');
    expect(r.numbers).toMatchObject({ occupancy_pct: 65, added_ha: 20, total_after_ha: 70 });
  });
  it('fails over 75 ha or under 60 %, warns when something is unknown', () => {
    expect(rule({ kind: 'expansion', areaHa: 76, expansion: { currentAreaHa: 50, occupancy: peer('A', 40, 30), infrastructure: infra } }, 'expansion').status).toBe('fail');
    expect(rule({ kind: 'expansion', areaHa: 70, expansion: { currentAreaHa: 50, occupancy: peer('A', 40, 20), infrastructure: infra } }, 'expansion').status).toBe('fail');
    const unknown = rule({ kind: 'expansion', areaHa: 70, expansion: { currentAreaHa: 50, occupancy: peer('A', 40, 30), infrastructure: { ...infra, roads: null } } }, 'expansion');
    expect(unknown.status).toBe('warn');
    expect(unknown.message.vi).toContain('chưa rõ');
  });
  it('is not applicable to a new cluster', () => {
    expect(rule({}, 'expansion').status).toBe('not_applicable');
  });
});

describe('safety distances (Art. 4.2)', () => {
  it('warns when closer than the configured distance, fails for a relic inside', () => {
    const safety = {
      residential: { nearestM: 30, overlapHa: 0, searchedM: 1000, nearestName: 'Thôn A' },
      relics: { nearestM: 0, overlapHa: 0.5, searchedM: 1000 },
      water: { nearestM: null, overlapHa: 0, searchedM: 1000 },
    };
    expect(rule({ safety }, 'safety_residential').status).toBe('warn');
    expect(rule({ safety }, 'safety_residential').numbers).toMatchObject({ required_m: 50, nearest_m: 30 });
    expect(rule({ safety, safetyDistancesM: { residential: 25 } }, 'safety_residential').status).toBe('pass');
    expect(rule({ safety }, 'safety_relics').status).toBe('fail');
    expect(rule({ safety }, 'safety_water').status).toBe('pass');
    expect(rule({}, 'safety_water').status).toBe('not_applicable');
  });
});
