import { formatHa, formatNumber } from '../format/number';
import { round2 } from './area.rules';
import { regimeRef } from './rule-sets';
import type { Bilingual, RuleId, RuleInput, RuleResult, RuleSet, SafetyCategory } from './types';

const LABEL: Record<SafetyCategory, Bilingual & { id: RuleId }> = {
  residential: { id: 'safety_residential', vi: 'khu dân cư', en: 'residential land' },
  relics: { id: 'safety_relics', vi: 'di tích, danh thắng, cơ sở tôn giáo', en: 'relics, scenic and religious sites' },
  water: { id: 'safety_water', vi: 'sông, hồ, mặt nước', en: 'rivers and water bodies' },
};

export const SAFETY_CATEGORIES: readonly SafetyCategory[] = ['residential', 'relics', 'water'];

/** The distance in force for a category: the request's, else the rule set's default. */
export function safetyDistanceM(rs: RuleSet, cat: SafetyCategory, override?: Partial<Record<SafetyCategory, number>>): number {
  return override?.[cat] ?? rs.safety[cat].defaultM;
}

/**
 * Environmental safety distance to residential land, relics and water (Art. 4.2): the plan
 * must state it. Land of the category closer than the distance warns; relics inside the
 * boundary fail. Distances are configuration (defaults per category in the rule set).
 */
export function safetyRule(cat: SafetyCategory, input: RuleInput, rs: RuleSet): RuleResult {
  const cfg = rs.safety[cat];
  const required = safetyDistanceM(rs, cat, input.safetyDistancesM);
  const m = input.safety?.[cat];
  const label = LABEL[cat];
  const base = {
    ruleId: label.id,
    title: { vi: `Khoảng cách an toàn đến ${label.vi}`, en: `Safety distance to ${label.en}` },
    article: rs.safety.article,
    regime: regimeRef(rs),
    notes: [cfg.note],
  };
  if (!m) {
    return {
      ...base,
      status: 'not_applicable',
      numbers: { required_m: required, nearest_m: null },
      message: { vi: 'Chưa đo khoảng cách.', en: 'Distance not measured.' },
    };
  }
  const numbers = {
    required_m: required,
    nearest_m: m.nearestM === null ? null : Math.round(m.nearestM * 10) / 10,
    overlap_ha: round2(m.overlapHa),
    searched_m: m.searchedM,
    nearest: m.nearestName ?? null,
  };
  const name = m.nearestName ? ` (${m.nearestName})` : '';
  const dm = (v: number, l: 'vi' | 'en') => `${formatNumber(v, 0, l)} m`;
  if (m.nearestM === null || m.nearestM >= required) {
    return {
      ...base,
      status: 'pass',
      numbers,
      message:
        m.nearestM === null
          ? { vi: `Không có ${label.vi} trong bán kính ${dm(m.searchedM, 'vi')}.`, en: `No ${label.en} within ${dm(m.searchedM, 'en')}.` }
          : {
              vi: `Gần nhất cách ${dm(m.nearestM, 'vi')}${name} (yêu cầu ≥ ${dm(required, 'vi')}).`,
              en: `Nearest at ${dm(m.nearestM, 'en')}${name} (needs ≥ ${dm(required, 'en')}).`,
            },
    };
  }
  const inside = m.overlapHa > 0;
  return {
    ...base,
    status: inside && cfg.overlapFails ? 'fail' : 'warn',
    numbers,
    message: inside
      ? {
          vi: `Ranh giới chứa ${formatHa(round2(m.overlapHa), 'vi')} ${label.vi}${name}.`,
          en: `The boundary contains ${formatHa(round2(m.overlapHa), 'en')} of ${label.en}${name}.`,
        }
      : {
          vi: `Cách ${label.vi} ${dm(m.nearestM, 'vi')}${name}, dưới khoảng cách ${dm(required, 'vi')}.`,
          en: `${dm(m.nearestM, 'en')} from ${label.en}${name}, less than ${dm(required, 'en')}.`,
        },
  };
}
