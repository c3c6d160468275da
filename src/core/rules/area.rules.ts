import { formatHa } from '../format/number';
import { regimeRef } from './rule-sets';
import type { RuleInput, RuleResult, RuleSet } from './types';

/** Hectares as decisions state them: two decimals. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;

const ha = (v: number) => ({ vi: formatHa(v, 'vi'), en: formatHa(v, 'en') });

/**
 * Area band (Art. 2.1): 10–75 ha, or 5–75 ha in mountainous districts and for
 * craft-village clusters. Compared on the area rounded to 0,01 ha, as decisions state it.
 * @example areaBandRule({ areaHa: 71.39, mountainous: true, ... }, DECREE_32_2024).status // → 'pass'
 */
export function areaBandRule(input: RuleInput, rs: RuleSet): RuleResult {
  const area = round2(input.areaHa);
  const reduced = input.mountainous || input.craftVillage;
  const min = reduced ? rs.area.minHaMountainousOrCraft : rs.area.minHa;
  const max = rs.area.maxHa;
  const status = area >= min && area <= max ? 'pass' : 'fail';
  const a = ha(area);
  const lo = ha(min);
  const hi = ha(max);
  const band = {
    vi: reduced ? 'huyện miền núi hoặc cụm làng nghề' : 'cụm công nghiệp thông thường',
    en: reduced ? 'mountainous district or craft-village cluster' : 'ordinary cluster',
  };
  const where = area < min ? 'below' : area > max ? 'above' : 'inside';
  const message =
    where === 'inside'
      ? { vi: `Diện tích ${a.vi} nằm trong khoảng ${lo.vi} – ${hi.vi} (${band.vi}).`, en: `Area ${a.en} is within ${lo.en} – ${hi.en} (${band.en}).` }
      : where === 'below'
        ? { vi: `Diện tích ${a.vi} nhỏ hơn mức tối thiểu ${lo.vi} (${band.vi}).`, en: `Area ${a.en} is below the minimum of ${lo.en} (${band.en}).` }
        : { vi: `Diện tích ${a.vi} vượt mức tối đa ${hi.vi}.`, en: `Area ${a.en} exceeds the maximum of ${hi.en}.` };
  const notes = [];
  if (!reduced && area >= rs.area.minHaMountainousOrCraft && area < min)
    notes.push({
      vi: `Đạt nếu cụm thuộc huyện miền núi hoặc là cụm làng nghề (tối thiểu ${formatHa(rs.area.minHaMountainousOrCraft, 'vi')}).`,
      en: `Would pass in a mountainous district or as a craft-village cluster (minimum ${formatHa(rs.area.minHaMountainousOrCraft, 'en')}).`,
    });
  return {
    ruleId: 'area_band',
    title: { vi: 'Quy mô diện tích', en: 'Area band' },
    article: rs.area.article,
    status,
    numbers: { area_ha: area, min_ha: min, max_ha: max, mountainous: input.mountainous, craft_village: input.craftVillage },
    message,
    notes,
    regime: regimeRef(rs),
  };
}

/**
 * Change against the plan (Art. 10.4): establishment may enlarge the planned area by at
 * most 5 ha. Not applicable to an expansion, nor without a planned area.
 */
export function areaChangeRule(input: RuleInput, rs: RuleSet): RuleResult {
  const base = {
    ruleId: 'area_change' as const,
    title: { vi: 'Thay đổi diện tích so với phương án', en: 'Change against the planned area' },
    article: rs.areaChange.article,
    regime: regimeRef(rs),
    notes: [],
  };
  const area = round2(input.areaHa);
  const planned = input.plannedAreaHa ?? null;
  if (input.kind === 'expansion' || planned === null) {
    return {
      ...base,
      status: 'not_applicable',
      numbers: { area_ha: area, planned_area_ha: planned, max_increase_ha: rs.areaChange.maxIncreaseHa },
      message:
        input.kind === 'expansion'
          ? { vi: 'Không áp dụng cho mở rộng cụm.', en: 'Does not apply to an expansion.' }
          : { vi: 'Chưa có diện tích trong phương án để so sánh.', en: 'No planned area to compare with.' },
    };
  }
  const delta = round2(area - planned);
  const ok = delta <= rs.areaChange.maxIncreaseHa;
  const d = ha(Math.abs(delta));
  const p = ha(planned);
  const more = delta >= 0;
  return {
    ...base,
    status: ok ? 'pass' : 'fail',
    numbers: { area_ha: area, planned_area_ha: planned, change_ha: delta, max_increase_ha: rs.areaChange.maxIncreaseHa },
    message: ok
      ? {
          vi: `${more ? 'Tăng' : 'Giảm'} ${d.vi} so với ${p.vi} trong phương án (cho phép tăng tối đa ${formatHa(rs.areaChange.maxIncreaseHa, 'vi')}).`,
          en: `${more ? 'Up' : 'Down'} ${d.en} against ${p.en} in the plan (at most ${formatHa(rs.areaChange.maxIncreaseHa, 'en')} more allowed).`,
        }
      : {
          vi: `Tăng ${d.vi} so với ${p.vi} trong phương án, vượt mức ${formatHa(rs.areaChange.maxIncreaseHa, 'vi')}.`,
          en: `Up ${d.en} against ${p.en} in the plan, more than ${formatHa(rs.areaChange.maxIncreaseHa, 'en')}.`,
        },
  };
}

/**
 * No resident population inside the boundary (Art. 2.1): residential land inside fails
 * (resettlement needed); a sliver below 0,01 ha only warns (likely digitising noise).
 */
export function noResidentsRule(input: RuleInput, rs: RuleSet): RuleResult {
  const overlap = input.residentialOverlapHa;
  const shown = round2(overlap);
  const status = overlap <= 0 ? 'pass' : overlap < rs.residents.slivers.belowHa ? 'warn' : 'fail';
  const names = input.residentialFeatures ?? [];
  return {
    ruleId: 'no_residents',
    title: { vi: 'Không có dân cư sinh sống', en: 'No resident population' },
    article: rs.residents.article,
    status,
    numbers: { residential_overlap_ha: shown, features: names.length },
    message:
      status === 'pass'
        ? { vi: 'Ranh giới không chứa đất ở.', en: 'The boundary contains no residential land.' }
        : status === 'warn'
          ? { vi: `Ranh giới chạm vào đất ở (dưới 0,01 ha): kiểm tra lại ranh giới.`, en: 'The boundary touches residential land (under 0.01 ha): check the line.' }
          : {
              vi: `Ranh giới chứa ${formatHa(shown, 'vi')} đất ở: phải tái định cư (thông báo 120 ngày) hoặc điều chỉnh ranh giới.`,
              en: `The boundary contains ${formatHa(shown, 'en')} of residential land: resettlement (120-day notice) or a new boundary is needed.`,
            },
    notes: names.length ? [{ vi: `Khu đất ở: ${names.join('; ')}`, en: `Residential zones: ${names.join('; ')}` }] : [],
    regime: regimeRef(rs),
  };
}
