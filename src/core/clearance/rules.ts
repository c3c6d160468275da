/**
 * Legal periods of land recovery, kept as versioned rule sets with an effective
 * date (DOMAIN.md: never constants buried in code). Land Law 2024 (Luật Đất đai
 * số 31/2024/QH15, in force 01/08/2024): Art. 85 (notice ≥ 60 days agricultural /
 * 120 days non-agricultural before the recovery decision, valid 12 months),
 * Art. 87 (public posting 10 days), Art. 94 (payment within 30 days of approval).
 */
import type { LandGroup } from './steps';

export interface ClearanceRuleSet {
  effectiveFrom: string;
  source: string;
  noticeDays: Readonly<Record<LandGroup, number>>;
  noticeValidityMonths: number;
  postingDays: number;
  paymentDays: number;
}

export const CLEARANCE_RULE_SETS: readonly ClearanceRuleSet[] = [
  {
    effectiveFrom: '2024-08-01',
    source: 'Luật Đất đai 2024 — Điều 85, 87, 94',
    noticeDays: { agricultural: 60, non_agricultural: 120 },
    noticeValidityMonths: 12,
    postingDays: 10,
    paymentDays: 30,
  },
];

/** The rule set in force on a date (the earliest one for dates before all of them). */
export function rulesAt(date: string | undefined): ClearanceRuleSet {
  let chosen = CLEARANCE_RULE_SETS[0]!;
  if (!date) return chosen;
  for (const r of CLEARANCE_RULE_SETS) if (r.effectiveFrom <= date) chosen = r;
  return chosen;
}
