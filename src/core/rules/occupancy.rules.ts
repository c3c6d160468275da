import { formatHa, formatNumber } from '../format/number';
import { round2 } from './area.rules';
import { regimeRef } from './rule-sets';
import type { Bilingual, OccupancyFigures, RuleInput, RuleResult, RuleSet } from './types';

const pct = (v: number, l: 'vi' | 'en') => `${formatNumber(v, 1, l)} %`;

/**
 * Occupancy per the legal definition: land leased or covered by an investment approval
 * ÷ industrial land of the approved detailed plan (not ÷ gross area). Null without a
 * detailed plan or figures.
 */
export function occupancyPct(f: OccupancyFigures): number | null {
  if (!f.hasDetailedPlan || f.industrialLandHa === null || f.industrialLandHa <= 0 || f.occupiedHa === null) return null;
  return (100 * f.occupiedHa) / f.industrialLandHa;
}

/**
 * New cluster where the area already has clusters (Art. 8.1c): their average occupancy
 * > 50 % or their unleased industrial land ≤ 100 ha. Clusters without a detailed plan
 * are left out of the figures — and the result says which.
 */
export function occupancyNewRule(input: RuleInput, rs: RuleSet): RuleResult {
  const cfg = rs.occupancyNew;
  const base = {
    ruleId: 'occupancy_new' as const,
    title: { vi: 'Điều kiện lấp đầy khi thành lập mới', en: 'Occupancy test for a new cluster' },
    article: cfg.article,
    regime: regimeRef(rs),
  };
  const notes: Bilingual[] = [];
  if (cfg.scopeNote) notes.push(cfg.scopeNote);
  if (input.kind === 'expansion' || !input.occupancy) {
    return {
      ...base,
      status: 'not_applicable',
      numbers: { scope: cfg.scope },
      message:
        input.kind === 'expansion'
          ? { vi: 'Không áp dụng cho mở rộng cụm.', en: 'Does not apply to an expansion.' }
          : { vi: 'Chưa xác định được địa bàn để so sánh.', en: 'The area to compare with is unknown.' },
      notes,
    };
  }
  const { peers, scopeLabel } = input.occupancy;
  const counted = peers.filter((p) => occupancyPct(p) !== null);
  const excluded = peers.filter((p) => occupancyPct(p) === null);
  if (excluded.length)
    notes.push({
      vi: `Không tính (chưa có quy hoạch chi tiết hoặc số liệu): ${excluded.map((p) => p.name).join('; ')}`,
      en: `Left out (no approved detailed plan or figures): ${excluded.map((p) => p.name).join('; ')}`,
    });
  const numbersBase = {
    scope: cfg.scope,
    clusters_in_scope: peers.length,
    clusters_counted: counted.length,
    clusters_excluded: excluded.length,
    min_average_pct: cfg.minAveragePct,
    max_unleased_ha: cfg.maxUnleasedHa,
  };
  if (peers.length === 0) {
    return {
      ...base,
      status: 'pass',
      numbers: { ...numbersBase, average_pct: null, unleased_ha: null },
      message: {
        vi: `Chưa có cụm công nghiệp nào trên ${scopeLabel.vi}: điều kiện lấp đầy không hạn chế.`,
        en: `No cluster yet in ${scopeLabel.en}: the occupancy condition does not restrict.`,
      },
      notes,
    };
  }
  if (counted.length === 0) {
    return {
      ...base,
      status: 'warn',
      numbers: { ...numbersBase, average_pct: null, unleased_ha: null },
      message: {
        vi: `${peers.length} cụm trên ${scopeLabel.vi} chưa có quy hoạch chi tiết hoặc số liệu cho thuê: chưa tính được tỷ lệ lấp đầy.`,
        en: `${peers.length} cluster(s) in ${scopeLabel.en} have no detailed plan or lease figures: occupancy cannot be computed.`,
      },
      notes,
    };
  }
  const rates = counted.map((p) => occupancyPct(p)!);
  const average = rates.reduce((s, r) => s + r, 0) / rates.length;
  const industrial = counted.reduce((s, p) => s + p.industrialLandHa!, 0);
  const unleased = round2(counted.reduce((s, p) => s + Math.max(0, p.industrialLandHa! - p.occupiedHa!), 0));
  const weighted = (100 * counted.reduce((s, p) => s + p.occupiedHa!, 0)) / industrial;
  const byAverage = average > cfg.minAveragePct;
  const byUnleased = unleased <= cfg.maxUnleasedHa;
  const ok = byAverage || byUnleased;
  const figures = {
    vi: `tỷ lệ lấp đầy trung bình ${pct(average, 'vi')} (ngưỡng > ${cfg.minAveragePct} %), đất công nghiệp chưa cho thuê ${formatHa(unleased, 'vi')} (ngưỡng ≤ ${formatHa(cfg.maxUnleasedHa, 'vi')})`,
    en: `average occupancy ${pct(average, 'en')} (needs > ${cfg.minAveragePct} %), unleased industrial land ${formatHa(unleased, 'en')} (needs ≤ ${formatHa(cfg.maxUnleasedHa, 'en')})`,
  };
  return {
    ...base,
    status: ok ? 'pass' : 'fail',
    numbers: {
      ...numbersBase,
      average_pct: Math.round(average * 100) / 100,
      weighted_pct: Math.round(weighted * 100) / 100,
      unleased_ha: unleased,
      industrial_land_ha: round2(industrial),
    },
    message: {
      vi: `${counted.length} cụm trên ${scopeLabel.vi}: ${figures.vi} — ${ok ? 'đạt' : 'không đạt'}.`,
      en: `${counted.length} cluster(s) in ${scopeLabel.en}: ${figures.en} — ${ok ? 'met' : 'not met'}.`,
    },
    notes,
  };
}

/**
 * Expansion (Art. 8.2): occupancy ≥ 60 %, total after expansion ≤ 75 ha, and internal
 * roads, water supply and wastewater collection and treatment completed. Unknown figures warn.
 */
export function expansionRule(input: RuleInput, rs: RuleSet): RuleResult {
  const cfg = rs.expansion;
  const base = {
    ruleId: 'expansion' as const,
    title: { vi: 'Điều kiện mở rộng cụm', en: 'Expansion test' },
    article: cfg.article,
    regime: regimeRef(rs),
  };
  if (input.kind !== 'expansion') {
    return {
      ...base,
      status: 'not_applicable',
      numbers: { min_occupancy_pct: cfg.minOccupancyPct, max_total_ha: cfg.maxTotalHa },
      message: { vi: 'Chỉ áp dụng khi mở rộng cụm.', en: 'Applies to an expansion only.' },
      notes: [],
    };
  }
  const total = round2(input.areaHa);
  const ex = input.expansion;
  const occ = ex?.occupancy ? occupancyPct(ex.occupancy) : null;
  const infra = ex?.infrastructure ?? { roads: null, waterSupply: null, wastewater: null };
  const checks: { ok: boolean | null; vi: string; en: string }[] = [
    { ok: total <= cfg.maxTotalHa, vi: `tổng diện tích sau mở rộng ${formatHa(total, 'vi')} (≤ ${formatHa(cfg.maxTotalHa, 'vi')})`, en: `total after expansion ${formatHa(total, 'en')} (≤ ${formatHa(cfg.maxTotalHa, 'en')})` },
    {
      ok: occ === null ? null : occ >= cfg.minOccupancyPct,
      vi: occ === null ? 'tỷ lệ lấp đầy chưa có số liệu' : `tỷ lệ lấp đầy ${pct(occ, 'vi')} (≥ ${cfg.minOccupancyPct} %)`,
      en: occ === null ? 'occupancy not known' : `occupancy ${pct(occ, 'en')} (≥ ${cfg.minOccupancyPct} %)`,
    },
    { ok: infra.roads, vi: 'đường giao thông nội bộ', en: 'internal roads' },
    { ok: infra.waterSupply, vi: 'cấp nước', en: 'water supply' },
    { ok: infra.wastewater, vi: 'thu gom, xử lý nước thải', en: 'wastewater collection and treatment' },
  ];
  const failed = checks.filter((c) => c.ok === false);
  const unknown = checks.filter((c) => c.ok === null);
  const status = failed.length ? 'fail' : unknown.length ? 'warn' : 'pass';
  const mark = (c: (typeof checks)[number], l: 'vi' | 'en') => `${c[l]}: ${c.ok === null ? (l === 'vi' ? 'chưa rõ' : 'unknown') : c.ok ? (l === 'vi' ? 'đạt' : 'met') : l === 'vi' ? 'không đạt' : 'not met'}`;
  return {
    ...base,
    status,
    numbers: {
      total_after_ha: total,
      current_area_ha: ex?.currentAreaHa ?? null,
      added_ha: ex?.currentAreaHa != null ? round2(total - ex.currentAreaHa) : null,
      occupancy_pct: occ === null ? null : Math.round(occ * 100) / 100,
      min_occupancy_pct: cfg.minOccupancyPct,
      max_total_ha: cfg.maxTotalHa,
      roads_done: infra.roads,
      water_supply_done: infra.waterSupply,
      wastewater_done: infra.wastewater,
    },
    message: { vi: checks.map((c) => mark(c, 'vi')).join('; ') + '.', en: checks.map((c) => mark(c, 'en')).join('; ') + '.' },
    notes: unknown.length
      ? [{ vi: 'Bổ sung số liệu còn thiếu để kết luận.', en: 'Add the missing figures to conclude.' }]
      : [],
  };
}
