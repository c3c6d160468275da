import type { Citation, RegimeRef, RuleSet } from './types';

/**
 * The rule sets, oldest first. A later amendment is a new entry with its own
 * effective date — never an edit of an older one (results must stay
 * reproducible for past dates). See DOMAIN.md §2.
 */

const D32 = 'Nghị định 32/2024/NĐ-CP';
const D32_EN = 'Decree 32/2024/ND-CP';

const cite = (article: string, vi: string, en: string): Citation => ({ article, vi: `${vi} ${D32}`, en: `${en}, ${D32_EN}` });

const ART_2_1 = cite('Art. 2.1', 'Khoản 1 Điều 2', 'Art. 2(1)');
const ART_4_2 = cite('Art. 4.2', 'Khoản 2 Điều 4', 'Art. 4(2)');
const ART_8_1C = cite('Art. 8.1c', 'Điểm c khoản 1 Điều 8', 'Art. 8(1)(c)');
const ART_8_2 = cite('Art. 8.2', 'Khoản 2 Điều 8', 'Art. 8(2)');
const ART_10_4 = cite('Art. 10.4', 'Khoản 4 Điều 10', 'Art. 10(4)');

/** Default safety distances: configuration to confirm per industry (QCVN 01:2021/BXD, water-source corridors). */
const SAFETY_NOTE = {
  vi: 'Khoảng cách mặc định cần kiểm tra theo ngành nghề và quy chuẩn (QCVN 01:2021/BXD); có thể thay đổi cho từng lần kiểm tra.',
  en: 'Default distance to be confirmed per industry and standard (QCVN 01:2021/BXD); configurable for each check.',
};

/** Decree 32/2024/NĐ-CP as in force from 01/05/2024 (replaced 68/2017 and 66/2020). */
export const DECREE_32_2024: RuleSet = {
  id: 'nd32-2024',
  name: { vi: 'Nghị định 32/2024/NĐ-CP (từ 01/05/2024)', en: 'Decree 32/2024/ND-CP (from 01/05/2024)' },
  decree: D32,
  effectiveFrom: '2024-05-01',
  verified: true,
  area: { minHa: 10, minHaMountainousOrCraft: 5, maxHa: 75, article: ART_2_1 },
  areaChange: { maxIncreaseHa: 5, article: ART_10_4 },
  residents: { article: ART_2_1, slivers: { belowHa: 0.01 } },
  occupancyNew: { minAveragePct: 50, maxUnleasedHa: 100, scope: 'district', article: ART_8_1C },
  expansion: { minOccupancyPct: 60, maxTotalHa: 75, article: ART_8_2 },
  safety: {
    article: ART_4_2,
    residential: { defaultM: 50, landCodes: ['ONT', 'ODT'], overlapFails: false, note: SAFETY_NOTE },
    relics: { defaultM: 100, landCodes: ['DDD', 'TON', 'TIN'], overlapFails: true, note: SAFETY_NOTE },
    water: { defaultM: 20, landCodes: ['SON', 'MNC'], overlapFails: false, note: SAFETY_NOTE },
  },
};

/**
 * From 01/07/2025 districts no longer exist (Decree 139/2025/NĐ-CP): what the decree ties
 * to a "district area" is decided by the province. The scope below is the province's
 * choice, kept as configuration.
 */
export const REFORM_2025: RuleSet = {
  ...DECREE_32_2024,
  id: 'nd32-2024-reform-2025',
  name: {
    vi: 'Nghị định 32/2024/NĐ-CP sau sắp xếp đơn vị hành chính (từ 01/07/2025)',
    en: 'Decree 32/2024/ND-CP after the administrative reform (from 01/07/2025)',
  },
  effectiveFrom: '2025-07-01',
  note: {
    vi: 'Không còn cấp huyện (Nghị định 139/2025/NĐ-CP): phạm vi "địa bàn huyện" do tỉnh quyết định.',
    en: 'No district tier any more (Decree 139/2025/ND-CP): the province decides what the "district area" means.',
  },
  occupancyNew: {
    ...DECREE_32_2024.occupancyNew,
    scope: 'former_district',
    scopeNote: {
      vi: 'Phạm vi so sánh là địa bàn huyện cũ theo lựa chọn mặc định; cần xác nhận theo quyết định của tỉnh (cấu hình).',
      en: 'Compared within the former district by default; confirm against the province’s decision (configuration).',
    },
  },
};

/**
 * Reported 2026 amendment (DOMAIN.md §2: *verify*): 5–75 ha for all clusters, occupancy
 * per commune with ≤ 50 ha unleased. Not applied unless asked for by id, until confirmed.
 */
export const AMENDMENT_2026_UNVERIFIED: RuleSet = {
  ...REFORM_2025,
  id: 'amendment-2026-unverified',
  name: { vi: 'Sửa đổi năm 2026 (chưa xác minh)', en: '2026 amendment (unverified)' },
  effectiveFrom: '2026-01-01',
  verified: false,
  note: {
    vi: 'Giá trị và ngày hiệu lực theo thông tin chưa xác minh; chỉ áp dụng khi chọn rõ bộ quy tắc này.',
    en: 'Values and effective date from unverified reports; applied only when this rule set is chosen explicitly.',
  },
  area: { ...REFORM_2025.area, minHa: 5, minHaMountainousOrCraft: 5 },
  occupancyNew: { ...REFORM_2025.occupancyNew, maxUnleasedHa: 50, scope: 'commune', scopeNote: undefined },
};

export const RULE_SETS: readonly RuleSet[] = [DECREE_32_2024, REFORM_2025, AMENDMENT_2026_UNVERIFIED];

/** The earliest date any rule set covers. */
export const EARLIEST_RULE_DATE = DECREE_32_2024.effectiveFrom;

/**
 * The rule set in force on an ISO date: the latest verified one whose effective date
 * has come (or the one named by `id`). Undefined before 01/05/2024 or for an unknown id.
 * @example ruleSetOn('2025-08-01').id // → 'nd32-2024-reform-2025'
 */
export function ruleSetOn(date: string, id?: string): RuleSet | undefined {
  if (id) return RULE_SETS.find((r) => r.id === id);
  let found: RuleSet | undefined;
  for (const r of RULE_SETS) if (r.verified && r.effectiveFrom <= date) found = r;
  return found;
}

export function regimeRef(r: RuleSet): RegimeRef {
  return { id: r.id, name: r.name.vi, effectiveFrom: r.effectiveFrom, verified: r.verified };
}
