import { CLUSTER_STATUSES, type ClusterStatus } from './status';

export interface RecordOccupancy {
  /** Leased + investment-approved industrial land, ha. */
  occupiedHa: number | null;
  /** Industrial land of the approved detailed plan, ha. */
  industrialHa: number | null;
  /** occupied ÷ industrial × 100; null without a detailed plan or figures. */
  pct: number | null;
}

const DETAILED_PLAN_FROM = CLUSTER_STATUSES.indexOf('detailed_plan_approved');

/** Whether the lifecycle has reached an approved detailed plan (expanded/adjusted clusters have one). */
export function hasDetailedPlan(status: ClusterStatus): boolean {
  const i = CLUSTER_STATUSES.indexOf(status);
  return status !== 'removed_from_plan' && i >= DETAILED_PLAN_FROM;
}

/**
 * Occupancy of a cluster from its registry figures, in the legal definition (Decree 32/2024/NĐ-CP,
 * DOMAIN.md §2): industrial land leased **or** covered by an investment approval ÷ industrial land of
 * the approved detailed plan — never ÷ the gross cluster area. Null when there is no industrial land
 * figure, no leased/approved figure, or (status known) no approved detailed plan yet.
 * @example recordOccupancy({ industrial_land_ha: 48.5, leased_land_ha: 26.9, investment_approved_land_ha: 3.1, status: 'operating' })
 *   // → { occupiedHa: 30, industrialHa: 48.5, pct: 61.855… }
 */
export function recordOccupancy(r: {
  industrial_land_ha: number | null;
  leased_land_ha: number | null;
  investment_approved_land_ha?: number | null;
  status?: ClusterStatus;
}): RecordOccupancy {
  const industrialHa = r.industrial_land_ha;
  const approved = r.investment_approved_land_ha ?? null;
  const occupiedHa = r.leased_land_ha === null && approved === null ? null : (r.leased_land_ha ?? 0) + (approved ?? 0);
  const planned = r.status === undefined || hasDetailedPlan(r.status);
  const pct = planned && industrialHa !== null && industrialHa > 0 && occupiedHa !== null ? (100 * occupiedHa) / industrialHa : null;
  return { occupiedHa, industrialHa, pct };
}
