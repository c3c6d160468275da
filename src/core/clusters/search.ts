import { foldVietnamese } from '../format/text';
import type { InvestorType } from './record';
import type { ClusterStatus } from './status';

/** What the cluster list can be narrowed by. Empty values mean "any". */
export interface ClusterFilter {
  q: string;
  status: ClusterStatus | '';
  /** Legacy district code (at decision time). */
  district: string;
  /** Commune code, at decision time or now. */
  commune: string;
  investorType: InvestorType | 'none' | '';
}

export const EMPTY_FILTER: ClusterFilter = { q: '', status: '', district: '', commune: '', investorType: '' };

export interface SearchableCluster {
  name: string;
  status: ClusterStatus;
  investor_name: string | null;
  investor_type: InvestorType | null;
  district_code_at_decision: string | null;
  district_name: string | null;
  commune_codes_at_decision: string[];
  commune_codes_current?: string[];
  commune_names: string[] | null;
}

/**
 * Whether every word of the query occurs in the texts, ignoring case and Vietnamese diacritics.
 * @example matchesQuery(['Cụm công nghiệp Đình Lập'], 'dinh lap') // → true
 */
export function matchesQuery(texts: readonly (string | null | undefined)[], q: string): boolean {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldVietnamese(texts.filter(Boolean).join(' | '));
  return words.every((w) => hay.includes(w));
}

/** The clusters that pass a filter (name, investor, district and commune names are searched). */
export function filterClusters<T extends SearchableCluster>(list: readonly T[], f: ClusterFilter): T[] {
  return list.filter(
    (c) =>
      (!f.status || c.status === f.status) &&
      (!f.district || c.district_code_at_decision === f.district) &&
      (!f.commune || c.commune_codes_at_decision.includes(f.commune) || (c.commune_codes_current ?? []).includes(f.commune)) &&
      (!f.investorType || (f.investorType === 'none' ? c.investor_type === null : c.investor_type === f.investorType)) &&
      matchesQuery([c.name, c.investor_name, c.district_name, ...(c.commune_names ?? [])], f.q),
  );
}
