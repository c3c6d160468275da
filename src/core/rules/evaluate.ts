import { areaBandRule, areaChangeRule, noResidentsRule } from './area.rules';
import { expansionRule, occupancyNewRule } from './occupancy.rules';
import { ruleSetOn } from './rule-sets';
import { SAFETY_CATEGORIES, safetyRule } from './safety.rules';
import type { RuleInput, RuleResult, RuleSet, RuleStatus } from './types';

export interface Evaluation {
  ruleSet: RuleSet;
  results: RuleResult[];
  /** The worst status among the results (not-applicable ones ignored). */
  overall: Exclude<RuleStatus, 'not_applicable'>;
}

/**
 * Evaluates every rule of the regime in force on `input.date` (or of the rule set named
 * by `ruleSetId`). Throws a RangeError when no rule set covers the date.
 * @example evaluateRules({ date: '2025-01-01', kind: 'new', areaHa: 71.39, mountainous: true, ... }).results[0].status // → 'pass'
 */
export function evaluateRules(input: RuleInput, ruleSetId?: string): Evaluation {
  const rs = ruleSetOn(input.date, ruleSetId);
  if (!rs) {
    throw new RangeError(
      ruleSetId ? `Unknown rule set "${ruleSetId}"` : `No rule set in force on ${input.date} (the earliest starts 2024-05-01)`,
    );
  }
  const results = [
    areaBandRule(input, rs),
    areaChangeRule(input, rs),
    noResidentsRule(input, rs),
    occupancyNewRule(input, rs),
    expansionRule(input, rs),
    ...SAFETY_CATEGORIES.map((c) => safetyRule(c, input, rs)),
  ];
  return { ruleSet: rs, results, overall: worst(results.map((r) => r.status)) };
}

export function worst(statuses: RuleStatus[]): Exclude<RuleStatus, 'not_applicable'> {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('warn')) return 'warn';
  return 'pass';
}
